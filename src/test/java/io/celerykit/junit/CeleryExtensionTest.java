package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.celerykit.app.EventJournal;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.InMemoryControl;
import io.celerykit.app.Worker;
import io.celerykit.app.WorkerMode;
import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.result.CeleryApp;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes with the JUnit test kit and checks what passed, failed and why. */
class CeleryExtensionTest {

  private static Events run(Class<?> testClass, Map<String, String> config) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(config)
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  private static Events run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  private static Throwable failureOf(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  private static List<Throwable> failures(Events events) {
    return events.failed().stream().map(CeleryExtensionTest::failureOf).toList();
  }

  // ------------------------------------------------------------ injection and lifecycle

  /** Records what each test saw, across the test kit's run. */
  static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

  @CeleryTest
  static class InjectsEveryPart {
    @Test
    void receivesTheAppAndItsParts(
        InMemoryCelery app,
        CeleryApp asApp,
        VirtualClock clock,
        Worker worker,
        InMemoryBackend backend,
        InMemoryControl control,
        EventJournal journal) {
      assertThat(asApp).isSameAs(app);
      assertThat(clock).isSameAs(app.clock());
      assertThat(worker).isSameAs(app.worker());
      assertThat(backend).isSameAs(app.backend());
      assertThat(control).isSameAs(app.control());
      assertThat(journal).isSameAs(app.journal());
    }

    @BeforeEach
    void beforeEachSeesTheSameApp(InMemoryCelery app) {
      SEEN.put("beforeEach", app);
    }

    @Test
    void beforeEachAndTestShareOneApp(InMemoryCelery app) {
      assertThat(SEEN.get("beforeEach")).isSameAs(app);
    }
  }

  @Test
  void injectsTheAppAndEveryPartIntoTestAndLifecycleMethods() {
    run(InjectsEveryPart.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @CeleryTest
  static class FreshAppPerTest {
    @Test
    void first(InMemoryCelery app) {
      record("first", app);
    }

    @Test
    void second(InMemoryCelery app) {
      record("second", app);
    }

    private static void record(String name, InMemoryCelery app) {
      assertThat(app.clock().elapsed()).isZero();
      assertThat(app.backend().size()).isZero();
      app.clock().advance(Duration.ofMinutes(5));
      app.seed().succeeded("shared-id", name);
      SEEN.put("fresh-" + name, app);
    }
  }

  @Test
  void givesEveryTestMethodAFreshApp() {
    run(FreshAppPerTest.class).assertStatistics(s -> s.succeeded(2));
    assertThat(SEEN.get("fresh-first")).isNotSameAs(SEEN.get("fresh-second"));
  }

  @CeleryTest(threaded = true)
  static class ClosesTheApp {
    @Test
    void usesAThreadedWorker(InMemoryCelery app) {
      assertThat(app.worker().mode()).isEqualTo(WorkerMode.THREADED);
      app.task("t.one", () -> 1);
      assertThat(app.sendTask("t.one").get(Duration.ofSeconds(10))).isEqualTo(1);
      SEEN.put("closed-app", app);
    }
  }

  @Test
  void closesTheAppAfterTheTest() {
    run(ClosesTheApp.class).assertStatistics(s -> s.succeeded(1));
    Set<String> workerThreads =
        Thread.getAllStackTraces().keySet().stream()
            .filter(Thread::isAlive)
            .map(Thread::getName)
            .filter(n -> n.equals("celerykit-worker"))
            .collect(Collectors.toSet());
    // The threaded worker of the closed app has no live threads left (pool shut down).
    InMemoryCelery app = (InMemoryCelery) SEEN.get("closed-app");
    assertThat(app).isNotNull();
    assertThat(workerThreads).isEmpty();
  }

  // ------------------------------------------------------------ settings

  @CeleryTest(trackStarted = true, resultExtended = true)
  static class AnnotationSettings {
    @Test
    void classSettingsApply(InMemoryCelery app) {
      assertThat(app.config().taskTrackStarted()).isTrue();
      assertThat(app.config().resultExtended()).isTrue();
      assertThat(app.config().taskAlwaysEager()).isFalse();
    }

    @Test
    @CeleryTest(eager = true)
    void methodAnnotationOverridesTheClass(InMemoryCelery app) {
      assertThat(app.config().taskAlwaysEager()).isTrue();
      assertThat(app.config().taskTrackStarted()).isFalse();
    }
  }

  @Test
  void readsSettingsFromTheAnnotationWithMethodOverClass() {
    run(AnnotationSettings.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  static class Programmatic {
    @RegisterExtension
    static final CeleryExtension CELERY =
        CeleryExtension.builder().resultExtended(true).eager(true).build();

    @Test
    void buildsTheAppFromTheBuilder() {
      InMemoryCelery app = CELERY.app();
      assertThat(app.config().resultExtended()).isTrue();
      app.task("t.add", (Integer x, Integer y) -> x + y);
      assertThat(app.sendTask("t.add", 2, 3).get()).isEqualTo(5);
    }

    @Test
    void injectsTheSameAppAsApp(InMemoryCelery app) {
      assertThat(CELERY.app()).isSameAs(app);
    }
  }

  @Test
  void registersProgrammaticallyWithABuilder() {
    run(Programmatic.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @CeleryTest(fixtures = "fixtures/extension-fixture.json")
  static class LoadsFixtures {
    @Test
    void replaysStoredResults(InMemoryCelery app) {
      assertThat(app.asyncResult("fx-1").get()).isEqualTo(42);
      assertThat(app.asyncResult("fx-2").state()).isEqualTo(TaskState.FAILURE);
      assertThat(app.asyncResult("fx-2").result())
          .isInstanceOfSatisfying(
              RemoteTaskException.class, e -> assertThat(e.excType()).isEqualTo("ValueError"));
    }
  }

  @Test
  void loadsFixtureResourcesBeforeEachTest() {
    run(LoadsFixtures.class).assertStatistics(s -> s.succeeded(1).failed(0));
  }

  // ------------------------------------------------------------ structure

  @CeleryTest
  static class WithNested {
    @Test
    void outer(InMemoryCelery app) {
      assertThat(app).isNotNull();
    }

    @Nested
    class Inner {
      @Test
      void innerGetsAnAppToo(InMemoryCelery app, VirtualClock clock) {
        assertThat(clock).isSameAs(app.clock());
      }
    }
  }

  @Test
  void worksWithNestedClasses() {
    run(WithNested.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @CeleryTest
  static class Parameterized {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void eachInvocationHasItsOwnApp(int n, InMemoryCelery app) {
      assertThat(app.backend().size()).isZero();
      app.seed().succeeded("n", n);
      assertThat(app.asyncResult("n").get()).isEqualTo(n);
    }
  }

  @Test
  void worksWithParameterizedTests() {
    run(Parameterized.class).assertStatistics(s -> s.succeeded(3).failed(0));
  }

  @CeleryTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClass {
    InMemoryCelery classApp;

    @BeforeAll
    void beforeAll(InMemoryCelery app) {
      classApp = app;
      app.seed().succeeded("class-level", "set up once");
    }

    @Test
    void classLevelAppIsInjectedIntoBeforeAll() {
      assertThat(classApp.asyncResult("class-level").get()).isEqualTo("set up once");
    }

    @Test
    void testMethodsStillGetTheirOwnApp(InMemoryCelery app) {
      assertThat(app).isNotSameAs(classApp);
      assertThat(app.backend().exists("class-level")).isFalse();
    }
  }

  @Test
  void worksWithPerClassLifecycle() {
    run(PerClass.class).assertStatistics(s -> s.succeeded(2).failed(0));
  }

  @CeleryTest
  static class Parallel {
    @Test
    void a(InMemoryCelery app) {
      work(app, "a");
    }

    @Test
    void b(InMemoryCelery app) {
      work(app, "b");
    }

    @Test
    void c(InMemoryCelery app) {
      work(app, "c");
    }

    @Test
    void d(InMemoryCelery app) {
      work(app, "d");
    }

    private static void work(InMemoryCelery app, String name) {
      app.task("t.echo", (String s) -> s);
      for (int i = 0; i < 200; i++) {
        assertThat(app.sendTask("t.echo", name + i).get()).isEqualTo(name + i);
      }
      assertThat(app.backend().size()).isEqualTo(200);
    }
  }

  @Test
  void worksWithParallelExecution() {
    run(
            Parallel.class,
            Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent"))
        .assertStatistics(s -> s.succeeded(4).failed(0));
  }

  // ------------------------------------------------------------ diagnostics and strict mode

  @CeleryTest
  static class FailsWithDiagnostics {
    @Test
    void failingTaskFailsTheTest(InMemoryCelery app) {
      app.task(
          "t.boom",
          () -> {
            throw new IllegalStateException("disk full");
          });
      app.task("t.fine", () -> "ok");
      app.sendTask("t.fine").get();
      app.sendTask("t.boom").get();
    }
  }

  @Test
  void reportsTheJournalAndTheResultTreesOfAFailingTest() {
    Events events = run(FailsWithDiagnostics.class);
    events.assertStatistics(s -> s.failed(1));
    Throwable failure = failures(events).get(0);
    // the stub's failure is stored through the JSON serializer: get() raises its remote form
    assertThat(failure)
        .isInstanceOf(RemoteTaskException.class)
        .hasMessage("java.lang.IllegalStateException: disk full");
    assertThat(failure.getSuppressed())
        .singleElement()
        .isInstanceOfSatisfying(
            CeleryDiagnostics.class,
            d ->
                assertThat(d.getMessage())
                    .contains("event journal:")
                    .contains("task-sent", "task-succeeded", "task-failed")
                    .contains("result trees of the tasks the test sent:")
                    .contains("SUCCESS 'ok'")
                    .contains(
                        "FAILURE RemoteTaskException: java.lang.IllegalStateException: disk full"));
  }

  @CeleryTest(strict = true)
  static class Strict {
    @Test
    void consumesEverything(InMemoryCelery app) {
      app.stub("t.used").returns(1);
      assertThat(app.sendTask("t.used").get()).isEqualTo(1);
      app.task("t.forgotten", () -> 2);
      app.sendTask("t.forgotten").forget();
    }

    @Test
    void leavesAResultUnconsumed(InMemoryCelery app) {
      app.task("t.lonely", () -> 1);
      app.sendTask("t.lonely", new Object[0]);
      SEEN.put("strict-unconsumed", app.sentResults().get(0).id());
    }

    @Test
    void leavesAStubUnused(InMemoryCelery app) {
      app.stub("t.never.called").returns(1);
    }
  }

  @Test
  void strictModeFailsOnUnconsumedResultsAndUnusedStubs() {
    Events events = run(Strict.class);
    events.assertStatistics(s -> s.succeeded(1).failed(2));
    List<String> messages = failures(events).stream().map(Throwable::getMessage).toList();
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("1 result(s) were never consumed with get(), join() or forget()")
                    .contains((String) SEEN.get("strict-unconsumed")))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("stubs scripted but never called")
                    .contains("t.never.called"));
  }

  @CeleryTest
  static class NotStrict {
    @Test
    void leavesAResultUnconsumed(InMemoryCelery app) {
      app.task("t.lonely", () -> 1);
      app.sendTask("t.lonely");
      app.stub("t.unused").returns(1);
    }
  }

  @Test
  void withoutStrictModeUnconsumedResultsAreFine() {
    run(NotStrict.class).assertStatistics(s -> s.succeeded(1).failed(0));
  }

  @Test
  void appOutsideATestSaysWhatToDo() {
    CeleryExtension extension = CeleryExtension.builder().build();
    org.assertj.core.api.Assertions.assertThatThrownBy(extension::app)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside a test method");
  }
}
