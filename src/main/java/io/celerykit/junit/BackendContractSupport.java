package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.CeleryApp;
import io.celerykit.result.Control;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every piece of the backend contract shares: the hooks a test class fills in ({@link
 * #createBackend()}, and optionally {@link #storeLater}, the timeouts, {@link #closeBackend}), the
 * backend and app of the running test, and unique ids. Extend {@link ResultBackendContract} to run
 * every piece; extend one piece ({@link TaskMetaContract}, {@link GroupContract}, {@link
 * WaitContract}, {@link SubscriptionContract}, {@link ResultApiContract}) to run only that one.
 *
 * <p>The lifecycle methods are public, so that JUnit can run them from a subclass in another
 * package or module. Needs JUnit Jupiter and AssertJ on the test class path (optional dependencies
 * of celerykit).
 */
// The JUnit annotations on the public methods belong to a `requires static` module: a subclass's
// tests need JUnit anyway, so the module does not re-export it.
@SuppressWarnings("exports")
public abstract class BackendContractSupport {

  /** A {@code date_done} with microseconds, as Celery stores them. */
  static final Instant DATE_DONE = Instant.parse("2026-11-24T10:00:00.123456Z");

  /** The contract whose hooks and backend a nested piece uses, or null for a test class's own. */
  private final BackendContractSupport owner;

  private ResultBackend backend;
  private CeleryApp app;
  private final String suffix;

  /** Creates a contract piece that makes its own backend with {@link #createBackend()}. */
  protected BackendContractSupport() {
    this(null);
  }

  /** Creates a piece nested in a whole contract: its backend, hooks and ids are the owner's. */
  BackendContractSupport(BackendContractSupport owner) {
    this.owner = owner;
    this.suffix = owner != null ? owner.suffix : UUID.randomUUID().toString().substring(0, 8);
  }

  // ---------------------------------------------------------------- hooks

  /**
   * Creates the backend under test; called before every test. A test class that extends one piece
   * must override it; a piece nested in {@link ResultBackendContract} takes its owner's backend and
   * never calls it.
   *
   * @return a new (or emptied) backend
   * @throws IllegalStateException when the test class does not override it
   */
  protected ResultBackend createBackend() {
    throw new IllegalStateException(
        getClass().getName()
            + " does not say how to make the backend under test; override createBackend()");
  }

  /**
   * Stores a meta from "the worker side": the default stores it at once; override to store it while
   * the caller waits (on a virtual clock, on another thread, from another process), so that the
   * tests of {@link ResultBackend#waitFor} and {@link ResultBackend#iterNative} really wait. The
   * meta must be stored within {@link #longTimeout()} of the caller starting to wait.
   *
   * @param backend the backend under test
   * @param meta the meta to store
   */
  protected void storeLater(ResultBackend backend, TaskMeta meta) {
    if (owner != null) {
      owner.storeLater(backend, meta);
    } else {
      backend.store(meta);
    }
  }

  /**
   * Returns the timeout of the waits that must time out; default 200 ms (on the backend's clock).
   *
   * @return a short positive duration
   */
  protected Duration shortTimeout() {
    return owner != null ? owner.shortTimeout() : Duration.ofMillis(200);
  }

  /**
   * Returns the timeout of the waits that must succeed; default 10 s.
   *
   * @return a duration long enough for {@link #storeLater} to store
   */
  protected Duration longTimeout() {
    return owner != null ? owner.longTimeout() : Duration.ofSeconds(10);
  }

  /**
   * Releases the backend after a test; the default closes it when it is {@link AutoCloseable}.
   *
   * @param backend the backend under test
   * @throws Exception when closing fails
   */
  protected void closeBackend(ResultBackend backend) throws Exception {
    if (backend instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /**
   * Returns the backend of the running test.
   *
   * @return the backend made by {@link #createBackend()} for this test
   */
  protected final ResultBackend backend() {
    return backend;
  }

  /**
   * Returns a minimal app over the backend under test, for the result API ({@code AsyncResult},
   * {@code GroupResult}); its control refuses revokes.
   *
   * @return the app
   */
  protected final CeleryApp app() {
    return app;
  }

  /**
   * Returns an id unique to this test run: {@code name} plus a random suffix.
   *
   * @param name a readable prefix
   * @return the id
   */
  protected final String id(String name) {
    return name + "-" + suffix;
  }

  /** Creates the backend (a nested piece takes its owner's) and the app over it. */
  @BeforeEach
  public final void createBackendUnderTest() {
    backend = owner != null ? owner.backend() : createBackend();
    assertThat(backend).as("createBackend()").isNotNull();
    app = owner != null ? owner.app() : new ContractApp(backend);
  }

  /**
   * Closes the backend (a nested piece leaves that to its owner).
   *
   * @throws Exception when closing fails
   */
  @AfterEach
  public final void closeBackendUnderTest() throws Exception {
    if (backend != null && owner == null) {
      closeBackend(backend);
    }
  }

  // ---------------------------------------------------------------- helpers of the pieces

  /** A SUCCESS meta with Celery's microsecond date. */
  static TaskMeta success(String id, Object value) {
    return TaskMeta.builder(id, TaskState.SUCCESS).result(value).dateDone(DATE_DONE).build();
  }

  /** A FAILURE meta with no traceback and Celery's microsecond date. */
  static TaskMeta failure(String id, Object exception) {
    return failure(id, exception, null);
  }

  /** A FAILURE meta with its traceback text and Celery's microsecond date. */
  static TaskMeta failure(String id, Object exception, String traceback) {
    return TaskMeta.builder(id, TaskState.FAILURE)
        .result(exception)
        .traceback(traceback)
        .dateDone(DATE_DONE)
        .build();
  }

  /** A REVOKED meta holding {@code TaskRevokedException(reason)}, with Celery's date. */
  static TaskMeta revoked(String id, String reason) {
    return TaskMeta.builder(id, TaskState.REVOKED)
        .result(new TaskRevokedException(reason))
        .dateDone(DATE_DONE)
        .build();
  }

  static void assertException(Object value, Class<?> type, String message) {
    assertThat(value).isInstanceOf(type);
    assertThat(((Throwable) value).getMessage()).isEqualTo(message);
  }

  static void assertRemote(Object value, String type, String module, List<?> args) {
    assertThat(value).isInstanceOf(RemoteTaskException.class);
    RemoteTaskException remote = (RemoteTaskException) value;
    assertThat(remote.excType()).isEqualTo(type);
    assertThat(remote.excModule()).isEqualTo(module);
    assertThat(remote.excMessage()).isEqualTo(args);
  }

  /** The least app the result API needs: the backend under test and a control that refuses. */
  private static final class ContractApp implements CeleryApp {
    private final ResultBackend backend;
    private final Control control = new RefusingControl();

    ContractApp(ResultBackend backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public ResultBackend backend() {
      return backend;
    }

    @Override
    public Control control() {
      return control;
    }

    @Override
    public String toString() {
      return "ResultBackendContract app over " + backend;
    }
  }

  /** The contract revokes nothing. */
  private static final class RefusingControl implements Control {
    @Override
    public void revoke(List<String> taskIds, RevokeOptions options) {
      throw new UnsupportedOperationException("the backend contract has no workers to revoke");
    }

    @Override
    public void revokeByStampedHeaders(Map<String, Object> headers, RevokeOptions options) {
      throw new UnsupportedOperationException("the backend contract has no workers to revoke");
    }
  }
}
