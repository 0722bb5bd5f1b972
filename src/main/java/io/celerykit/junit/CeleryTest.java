package io.celerykit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test method a fresh in-memory Celery, closed after it, with Celery's settings as
 * attributes. Test and lifecycle methods receive the app and its parts as parameters: {@code
 * InMemoryCelery}, {@code VirtualClock}, {@code Worker}, {@code InMemoryBackend}, {@code
 * InMemoryControl}, {@code EventJournal}.
 *
 * <pre>{@code
 * @CeleryTest(trackStarted = true, strict = true)
 * class ReportTest {
 *   @Test
 *   void renders(InMemoryCelery app, VirtualClock clock) { ... }
 * }
 * }</pre>
 *
 * <p>When a test fails, its report shows the app's event journal as a timeline and the result trees
 * of the tasks the test sent. On a method it overrides the class's settings.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CeleryExtension.class)
public @interface CeleryTest {

  /**
   * Sets {@code task_always_eager} (and {@code task_eager_propagates}).
   *
   * @return the setting
   */
  boolean eager() default false;

  /**
   * Sets {@code task_track_started}.
   *
   * @return the setting
   */
  boolean trackStarted() default false;

  /**
   * Sets {@code result_extended}.
   *
   * @return the setting
   */
  boolean resultExtended() default false;

  /**
   * Runs the worker on real threads ({@code WorkerMode.THREADED}).
   *
   * @return the setting
   */
  boolean threaded() default false;

  /**
   * Fails the test when a result it sent was never consumed ({@code get}, {@code join} or {@code
   * forget}), a stub it scripted was never used, as Mockito's strict stubs do, or a task it sent
   * was never handled (see {@link #failOnUnhandledTasks()}); the failure lists them.
   *
   * @return the setting
   */
  boolean strict() default false;

  /**
   * Fails the test when a task it sent was never handled by its end: the worker never reached it
   * (its countdown was not reached, nothing ran the worker), a {@code neverRuns()} stub holds it,
   * or its stub had no outcome scripted; each is listed with the reason. A task revoked, or whose
   * result the test consumed, counts as handled. {@link #strict()} includes this check.
   *
   * @return the setting
   */
  boolean failOnUnhandledTasks() default false;

  /**
   * Fixture resources of Celery's stored JSON to load into the backend before each test (see {@code
   * io.celerykit.wire.CeleryFixtures}).
   *
   * @return class path resource names
   */
  String[] fixtures() default {};
}
