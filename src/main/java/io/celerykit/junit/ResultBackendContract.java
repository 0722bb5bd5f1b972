package io.celerykit.junit;

import io.celerykit.result.ResultBackend;
import org.junit.jupiter.api.Nested;

/**
 * The behaviour every {@link ResultBackend} must have to stand in for celerykit's in-memory
 * backend: what Celery's result backends do (unknown ids read PENDING, stores replace until
 * SUCCESS, which is final, forget, saved groups) and what celerykit's result API relies on (every
 * field round-trips, waits return ready metas and time out, subscriptions, native join).
 *
 * <p>Extend it in your tests and say how to make the backend; it runs every piece of the contract,
 * each as a nested class over the backend you make:
 *
 * <pre>{@code
 * class RedisBackendContractTest extends ResultBackendContract {
 *   @Override
 *   protected ResultBackend createBackend() {
 *     return new RedisResultBackend(redisUri);
 *   }
 *
 *   @Override   // optional: store while the caller waits, as a worker would
 *   protected void storeLater(ResultBackend backend, TaskMeta meta) {
 *     executor.schedule(() -> backend.store(meta), 50, TimeUnit.MILLISECONDS);
 *   }
 * }
 * }</pre>
 *
 * <p>The pieces are {@link TaskMetaContract}, {@link GroupContract}, {@link WaitContract}, {@link
 * SubscriptionContract} and {@link ResultApiContract}; to run only some, extend those instead. A
 * backend that implements only the storage methods of the SPI passes the whole contract with the
 * SPI's defaults (polling waits and native iteration, no subscriptions).
 *
 * <p>Every test uses fresh ids (a random suffix), so a backend over a shared store may keep what
 * other tests stored. Values stored are JSON values (strings, ints, doubles, booleans, null, lists,
 * string-keyed maps), so a backend that serializes with Celery's JSON ({@code
 * io.celerykit.wire.CeleryJson}) passes too; dates have microsecond precision, as Celery's.
 *
 * <p>Needs JUnit Jupiter and AssertJ on the test class path (optional dependencies of celerykit).
 */
// The JUnit annotations on the public nested classes belong to a `requires static` module.
@SuppressWarnings("exports")
public abstract class ResultBackendContract extends BackendContractSupport {

  /** Creates the contract; subclasses are JUnit test classes. */
  protected ResultBackendContract() {}

  /**
   * Creates the backend under test; called before every test, and shared by every nested piece.
   *
   * @return a new (or emptied) backend
   */
  @Override
  protected abstract ResultBackend createBackend();

  /** The task metas: PENDING, replacing until SUCCESS, forget, fields, exceptions, threads. */
  @Nested
  public class TaskMetas extends TaskMetaContract {
    /** Creates the piece over the enclosing contract's backend. */
    public TaskMetas() {
      super(ResultBackendContract.this);
    }
  }

  /** The saved groups. */
  @Nested
  public class Groups extends GroupContract {
    /** Creates the piece over the enclosing contract's backend. */
    public Groups() {
      super(ResultBackendContract.this);
    }
  }

  /** Waiting and native iteration. */
  @Nested
  public class Waiting extends WaitContract {
    /** Creates the piece over the enclosing contract's backend. */
    public Waiting() {
      super(ResultBackendContract.this);
    }
  }

  /** Subscriptions and {@code then}. */
  @Nested
  public class Subscriptions extends SubscriptionContract {
    /** Creates the piece over the enclosing contract's backend. */
    public Subscriptions() {
      super(ResultBackendContract.this);
    }
  }

  /** The result API over the backend. */
  @Nested
  public class ResultApi extends ResultApiContract {
    /** Creates the piece over the enclosing contract's backend. */
    public ResultApi() {
      super(ResultBackendContract.this);
    }
  }
}
