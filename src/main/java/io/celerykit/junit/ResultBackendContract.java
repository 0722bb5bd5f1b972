package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryApp;
import io.celerykit.result.Control;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.Outcome;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ResultBackend} must have to stand in for celerykit's in-memory
 * backend: what Celery's result backends do (unknown ids read PENDING, stores replace, forget,
 * saved groups) and what celerykit's result API relies on (every field round-trips, waits return
 * ready metas and time out, subscriptions, native join).
 *
 * <p>Extend it in your tests and say how to make the backend:
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
 * <p>Every test uses fresh ids (a random suffix), so a backend over a shared store may keep what
 * other tests stored. Values stored are JSON values (strings, ints, doubles, booleans, null, lists,
 * string-keyed maps), so a backend that serializes with Celery's JSON ({@code
 * io.celerykit.wire.CeleryJson}) passes too; dates have microsecond precision, as Celery's.
 *
 * <p>The tests and lifecycle methods are public, so that JUnit can run them from a subclass in
 * another package or module. Override a test (and annotate it {@code @Disabled}) to leave it out.
 *
 * <p>Needs JUnit Jupiter and AssertJ on the test class path (optional dependencies of celerykit).
 */
// The JUnit annotations on the public tests belong to a `requires static` module: a subclass's
// tests need JUnit anyway, so the module does not re-export it.
@SuppressWarnings("exports")
public abstract class ResultBackendContract {

  private static final Instant DATE_DONE = Instant.parse("2026-11-24T10:00:00.123456Z");

  private ResultBackend backend;
  private CeleryApp app;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  /** Creates the contract; subclasses are JUnit test classes. */
  protected ResultBackendContract() {}

  // ---------------------------------------------------------------- hooks

  /**
   * Creates the backend under test; called before every test.
   *
   * @return a new (or emptied) backend
   */
  protected abstract ResultBackend createBackend();

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
    backend.store(meta);
  }

  /**
   * Returns the timeout of the waits that must time out; default 200 ms (on the backend's clock).
   *
   * @return a short positive duration
   */
  protected Duration shortTimeout() {
    return Duration.ofMillis(200);
  }

  /**
   * Returns the timeout of the waits that must succeed; default 10 s.
   *
   * @return a duration long enough for {@link #storeLater} to store
   */
  protected Duration longTimeout() {
    return Duration.ofSeconds(10);
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

  /** Creates the backend and the app over it. */
  @BeforeEach
  public final void createBackendUnderTest() {
    backend = createBackend();
    assertThat(backend).as("createBackend()").isNotNull();
    app = new ContractApp(backend);
  }

  /**
   * Closes the backend.
   *
   * @throws Exception when closing fails
   */
  @AfterEach
  public final void closeBackendUnderTest() throws Exception {
    if (backend != null) {
      closeBackend(backend);
    }
  }

  // ---------------------------------------------------------------- task metas

  /**
   * A task nothing was stored for reads as PENDING with a null result and no children or date, as
   * Celery's {@code get_task_meta}; it does not exist.
   */
  @Test
  public void unknownIdReadsAsPendingWithNullResult() {
    String id = id("unknown");
    TaskMeta meta = backend.getTaskMeta(id);
    assertThat(meta).isNotNull();
    assertThat(meta.taskId()).isEqualTo(id);
    assertThat(meta.state()).isEqualTo(TaskState.PENDING);
    assertThat(meta.result()).isNull();
    assertThat(meta.traceback()).isNull();
    assertThat(meta.children()).isEmpty();
    assertThat(meta.dateDone()).isNull();
    assertThat(meta.isReady()).isFalse();
    assertThat(backend.exists(id)).isFalse();
  }

  /** A stored meta reads back equal, and then exists. */
  @Test
  public void storedMetaReadsBack() {
    TaskMeta meta = success(id("stored"), 42);
    backend.store(meta);
    assertThat(backend.getTaskMeta(meta.taskId())).isEqualTo(meta);
    assertThat(backend.exists(meta.taskId())).isTrue();
  }

  /** Storing again replaces the meta: the last one stored is read, whatever its state. */
  @Test
  public void overwriteKeepsTheLastMeta() {
    String id = id("overwritten");
    backend.store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 7)).build());
    backend.store(TaskMeta.builder(id, TaskState.RETRY).build());
    TaskMeta last = success(id, "done");
    backend.store(last);
    assertThat(backend.getTaskMeta(id)).isEqualTo(last);
    backend.store(TaskMeta.builder(id, TaskState.of("PROGRESS")).result(Map.of("n", 1)).build());
    assertThat(backend.getTaskMeta(id).state()).isEqualTo(TaskState.of("PROGRESS"));
  }

  /** Metas of different tasks do not mix. */
  @Test
  public void metasOfDifferentTasksAreKeptApart() {
    TaskMeta a = success(id("a"), "a");
    TaskMeta b = success(id("b"), "b");
    backend.store(a);
    backend.store(b);
    assertThat(backend.getTaskMeta(a.taskId())).isEqualTo(a);
    assertThat(backend.getTaskMeta(b.taskId())).isEqualTo(b);
  }

  /**
   * {@code forget} removes the meta: the task reads PENDING again and does not exist; forgetting an
   * unknown id does nothing.
   */
  @Test
  public void forgetMakesTheTaskPendingAgain() {
    TaskMeta meta = success(id("forgotten"), 1);
    backend.store(meta);
    backend.forget(meta.taskId());
    assertThat(backend.getTaskMeta(meta.taskId()).state()).isEqualTo(TaskState.PENDING);
    assertThat(backend.getTaskMeta(meta.taskId()).result()).isNull();
    assertThat(backend.exists(meta.taskId())).isFalse();
    backend.forget(id("never-stored"));
    assertThat(backend.exists(id("never-stored"))).isFalse();
  }

  /**
   * Every field of a meta survives: state, result, traceback, children (task, chain and group
   * tuples), date_done to the microsecond, the result_extended fields, group_id and parent_id.
   */
  @Test
  public void everyFieldRoundTrips() {
    String id = id("full");
    ResultTuple chain = ResultTuple.of(id("c2"), ResultTuple.of(id("c1"), null));
    ResultTuple group =
        ResultTuple.group(
            id("g"),
            null,
            List.of(ResultTuple.of(id("g-0"), null), ResultTuple.of(id("g-1"), null)));
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("y", 3);
    kwargs.put("flag", true);
    kwargs.put("none", null);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("total", 5);
    value.put("ratio", 2.5);
    value.put("items", List.of("a", List.of(1, 2), Map.of("k", "v")));
    TaskMeta meta =
        TaskMeta.builder(id, TaskState.SUCCESS)
            .result(value)
            .traceback(null)
            .children(List.of(ResultTuple.of(id("child"), null), chain, group))
            .dateDone(DATE_DONE)
            .extended("tasks.add", List.of(2, "x", 1.5), kwargs, "worker1@host", "celery")
            .retries(3)
            .groupId(id("parent-group"))
            .parentId(id("parent"))
            .build();
    backend.store(meta);
    TaskMeta read = backend.getTaskMeta(id);
    assertThat(read).isEqualTo(meta);
    assertThat(read.children()).containsExactly(ResultTuple.of(id("child"), null), chain, group);
    assertThat(read.dateDone()).isEqualTo(DATE_DONE);
    assertThat(read.name()).isEqualTo("tasks.add");
    assertThat(read.args()).containsExactly(2, "x", 1.5);
    assertThat(read.kwargs()).isEqualTo(kwargs);
    assertThat(read.worker()).isEqualTo("worker1@host");
    assertThat(read.retries()).isEqualTo(3);
    assertThat(read.queue()).isEqualTo("celery");
    assertThat(read.groupId()).isEqualTo(id("parent-group"));
    assertThat(read.parentId()).isEqualTo(id("parent"));
  }

  /** A plain meta (result_extended off) reads back without extended fields. */
  @Test
  public void plainMetaHasNoExtendedFields() {
    TaskMeta meta = success(id("plain"), List.of(1, 2));
    backend.store(meta);
    TaskMeta read = backend.getTaskMeta(meta.taskId());
    assertThat(read.name()).isNull();
    assertThat(read.args()).isNull();
    assertThat(read.kwargs()).isNull();
    assertThat(read.worker()).isNull();
    assertThat(read.retries()).isNull();
    assertThat(read.queue()).isNull();
    assertThat(read.groupId()).isNull();
    assertThat(read.parentId()).isNull();
  }

  /** Unready metas (STARTED with its pid and hostname, a custom PROGRESS state) round-trip. */
  @Test
  public void unreadyMetasRoundTrip() {
    TaskMeta started =
        TaskMeta.builder(id("started"), TaskState.STARTED)
            .result(Map.of("pid", 4242, "hostname", "worker1@host"))
            .build();
    TaskMeta progress =
        TaskMeta.builder(id("progress"), TaskState.of("PROGRESS"))
            .result(Map.of("current", 1, "total", 2))
            .build();
    backend.store(started);
    backend.store(progress);
    assertThat(backend.getTaskMeta(started.taskId())).isEqualTo(started);
    assertThat(backend.getTaskMeta(progress.taskId())).isEqualTo(progress);
    assertThat(backend.getTaskMeta(progress.taskId()).isReady()).isFalse();
  }

  /**
   * Failures read back as stored: a Python exception as a {@link RemoteTaskException} with the same
   * type, module, arguments and traceback; Celery's own exceptions as celerykit's ({@link
   * TaskRevokedException}, {@link MaxRetriesExceededException}); a RETRY with its exception.
   */
  @Test
  public void exceptionsReadBackAsStored() {
    String traceback = "Traceback (most recent call last):\n  ...\nValueError: boom\n";
    TaskMeta failure =
        TaskMeta.builder(id("failed"), TaskState.FAILURE)
            .result(new RemoteTaskException("ValueError", "builtins", List.of("boom"), traceback))
            .traceback(traceback)
            .dateDone(DATE_DONE)
            .build();
    TaskMeta revoked =
        TaskMeta.builder(id("revoked"), TaskState.REVOKED)
            .result(new TaskRevokedException("revoked"))
            .dateDone(DATE_DONE)
            .build();
    TaskMeta exhausted =
        TaskMeta.builder(id("exhausted"), TaskState.FAILURE)
            .result(new MaxRetriesExceededException("Can't retry tasks.flaky"))
            .traceback(traceback)
            .dateDone(DATE_DONE)
            .build();
    TaskMeta retry =
        TaskMeta.builder(id("retry"), TaskState.RETRY)
            .result(new RemoteTaskException("IOError", "builtins", List.of("flaky", 3), traceback))
            .traceback(traceback)
            .build();
    for (TaskMeta meta : List.of(failure, revoked, exhausted, retry)) {
      backend.store(meta);
    }

    TaskMeta readFailure = backend.getTaskMeta(failure.taskId());
    assertThat(readFailure.state()).isEqualTo(TaskState.FAILURE);
    assertThat(readFailure.traceback()).isEqualTo(traceback);
    assertThat(readFailure.dateDone()).isEqualTo(DATE_DONE);
    assertRemote(readFailure.result(), "ValueError", "builtins", List.of("boom"));
    assertThat(((RemoteTaskException) readFailure.result()).traceback()).isEqualTo(traceback);

    assertException(
        backend.getTaskMeta(revoked.taskId()).result(), TaskRevokedException.class, "revoked");
    assertException(
        backend.getTaskMeta(exhausted.taskId()).result(),
        MaxRetriesExceededException.class,
        "Can't retry tasks.flaky");
    TaskMeta readRetry = backend.getTaskMeta(retry.taskId());
    assertThat(readRetry.state()).isEqualTo(TaskState.RETRY);
    assertThat(readRetry.isReady()).isFalse();
    assertRemote(readRetry.result(), "IOError", "builtins", List.of("flaky", 3));
  }

  /**
   * A Java exception reads back either as itself (a backend that keeps objects) or as Celery stores
   * it: a {@link RemoteTaskException} with the simple class name, the package and the message.
   */
  @Test
  public void javaExceptionsReadBackAsThemselvesOrAsCelerysEncoding() {
    TaskMeta meta =
        TaskMeta.builder(id("java-failure"), TaskState.FAILURE)
            .result(new IllegalStateException("bad state"))
            .dateDone(DATE_DONE)
            .build();
    backend.store(meta);
    Object result = backend.getTaskMeta(meta.taskId()).result();
    if (result instanceof RemoteTaskException remote) {
      assertRemote(remote, "IllegalStateException", "java.lang", List.of("bad state"));
    } else {
      assertThat(result).isExactlyInstanceOf(IllegalStateException.class);
      assertException(result, IllegalStateException.class, "bad state");
    }
  }

  /**
   * Many threads storing and reading at once lose nothing (backends must be thread-safe).
   *
   * @throws InterruptedException when the test thread is interrupted
   */
  @Test
  public void concurrentStoresAreAllKept() throws InterruptedException {
    int threads = 4;
    int perThread = 50;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    String id = id("concurrent-" + thread + "-" + i);
                    backend.store(success(id, i));
                    backend.getTaskMeta(id(("concurrent-" + ((thread + 1) % threads)) + "-" + i));
                  }
                } catch (Throwable e) {
                  errors.add(e);
                }
              },
              "contract-store-" + t);
      workers.add(worker);
      worker.start();
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join(longTimeout().toMillis());
    }
    assertThat(errors).isEmpty();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        assertThat(backend.getTaskMeta(id("concurrent-" + t + "-" + i)).result()).isEqualTo(i);
      }
    }
  }

  // ---------------------------------------------------------------- groups

  /** A saved group restores as the same tuple, and is gone once deleted. */
  @Test
  public void savedGroupRestoresAndDeletes() {
    String groupId = id("group");
    ResultTuple parent = ResultTuple.of(id("header"), null);
    ResultTuple tuple =
        ResultTuple.group(
            groupId,
            parent,
            List.of(
                ResultTuple.of(id("m0"), null),
                ResultTuple.of(id("m1"), ResultTuple.of(id("m1-parent"), null)),
                ResultTuple.group(id("inner"), null, List.of(ResultTuple.of(id("i0"), null)))));
    backend.saveGroup(groupId, tuple);
    assertThat(backend.restoreGroup(groupId)).contains(tuple);
    backend.saveGroup(groupId, ResultTuple.group(groupId, null, List.of()));
    assertThat(backend.restoreGroup(groupId)).contains(ResultTuple.group(groupId, null, List.of()));
    backend.deleteGroup(groupId);
    assertThat(backend.restoreGroup(groupId)).isEmpty();
  }

  /** Restoring a group nobody saved gives nothing; deleting it does nothing. */
  @Test
  public void unknownGroupRestoresEmpty() {
    Optional<ResultTuple> restored = backend.restoreGroup(id("no-such-group"));
    assertThat(restored).isEmpty();
    backend.deleteGroup(id("no-such-group"));
    assertThat(backend.restoreGroup(id("no-such-group"))).isEmpty();
  }

  /** Groups and task metas live apart: a group id is not a task id. */
  @Test
  public void groupsAndTasksAreKeptApart() {
    String id = id("shared-id");
    backend.saveGroup(id, ResultTuple.group(id, null, List.of(ResultTuple.of(id("m"), null))));
    assertThat(backend.exists(id)).isFalse();
    assertThat(backend.getTaskMeta(id).state()).isEqualTo(TaskState.PENDING);
    backend.store(success(id, 1));
    backend.forget(id);
    assertThat(backend.restoreGroup(id)).isPresent();
  }

  // ---------------------------------------------------------------- waiting

  /** {@code waitFor} returns a meta that is ready at once, even with a zero timeout. */
  @Test
  public void waitForReturnsAReadyMetaAtOnce() {
    TaskMeta meta = success(id("ready"), "v");
    backend.store(meta);
    Instant before = backend.clock().instant();
    assertThat(backend.waitFor(meta.taskId(), GetOptions.defaults().timeout(Duration.ZERO)))
        .isEqualTo(meta);
    assertThat(backend.waitFor(meta.taskId(), GetOptions.defaults().timeout(longTimeout())))
        .isEqualTo(meta);
    assertThat(Duration.between(before, backend.clock().instant())).isLessThan(longTimeout());
  }

  /** {@code waitFor} returns failed and revoked metas; raising is the result API's business. */
  @Test
  public void waitForReturnsFailuresWithoutRaising() {
    TaskMeta failure =
        TaskMeta.builder(id("wait-failed"), TaskState.FAILURE)
            .result(new RemoteTaskException("ValueError", "builtins", List.of("boom"), null))
            .dateDone(DATE_DONE)
            .build();
    TaskMeta revoked =
        TaskMeta.builder(id("wait-revoked"), TaskState.REVOKED)
            .result(new TaskRevokedException("revoked"))
            .dateDone(DATE_DONE)
            .build();
    backend.store(failure);
    backend.store(revoked);
    GetOptions options = GetOptions.defaults().timeout(longTimeout());
    assertThat(backend.waitFor(failure.taskId(), options).state()).isEqualTo(TaskState.FAILURE);
    assertThat(backend.waitFor(revoked.taskId(), options).state()).isEqualTo(TaskState.REVOKED);
  }

  /** {@code waitFor} waits past unready states for the ready meta stored from the worker side. */
  @Test
  public void waitForReturnsTheMetaStoredWhileWaiting() {
    String id = id("later");
    backend.store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 1)).build());
    TaskMeta done = success(id, 7);
    storeLater(backend, done);
    TaskMeta meta = backend.waitFor(id, GetOptions.defaults().timeout(longTimeout()));
    assertThat(meta).isEqualTo(done);
  }

  /** {@code waitFor} on a task that never becomes ready times out with ResultTimeoutException. */
  @Test
  public void waitForTimesOut() {
    String never = id("never");
    assertThatThrownBy(() -> backend.waitFor(never, GetOptions.defaults().timeout(shortTimeout())))
        .isInstanceOf(ResultTimeoutException.class);
    String stuck = id("stuck");
    backend.store(TaskMeta.builder(stuck, TaskState.STARTED).build());
    assertThatThrownBy(() -> backend.waitFor(stuck, GetOptions.defaults().timeout(shortTimeout())))
        .isInstanceOf(ResultTimeoutException.class);
  }

  // ---------------------------------------------------------------- listening

  /**
   * A subscription receives every meta stored for its task, in order and on the storing thread (as
   * the SPI says), and none of other tasks'; once closed it receives nothing more; closing twice is
   * harmless.
   */
  @Test
  public void subscribeReceivesStoredMetasUntilClosed() {
    String id = id("watched");
    List<TaskMeta> received = new CopyOnWriteArrayList<>();
    ResultBackend.Subscription subscription = backend.subscribe(id, received::add);
    TaskMeta started = TaskMeta.builder(id, TaskState.STARTED).build();
    TaskMeta progress =
        TaskMeta.builder(id, TaskState.of("PROGRESS")).result(Map.of("done", 1)).build();
    TaskMeta done = success(id, "ok");
    backend.store(started);
    backend.store(success(id("other"), "not mine"));
    backend.store(progress);
    backend.store(done);
    assertThat(received).containsExactly(started, progress, done);

    subscription.close();
    backend.store(success(id, "after close"));
    assertThat(received).hasSize(3);
    subscription.close();
  }

  /** Two listeners of the same task both receive; closing one leaves the other. */
  @Test
  public void subscriptionsAreIndependent() {
    String id = id("two-listeners");
    List<TaskMeta> first = new CopyOnWriteArrayList<>();
    List<TaskMeta> second = new CopyOnWriteArrayList<>();
    ResultBackend.Subscription a = backend.subscribe(id, first::add);
    ResultBackend.Subscription b = backend.subscribe(id, second::add);
    backend.store(TaskMeta.builder(id, TaskState.STARTED).build());
    assertThat(first).hasSize(1);
    assertThat(second).hasSize(1);
    a.close();
    backend.store(success(id, 1));
    assertThat(second).hasSize(2);
    assertThat(first).hasSize(1);
    b.close();
  }

  // ---------------------------------------------------------------- native join

  /**
   * {@code iterNative} yields the metas of the given tasks as they become ready, each once; a
   * backend without native join says so and refuses.
   */
  @Test
  public void iterNativeYieldsReadyMetas() {
    List<String> ids = List.of(id("n0"), id("n1"), id("n2"));
    if (!backend.supportsNativeJoin()) {
      assertThatThrownBy(
              () -> backend.iterNative(ids, GetOptions.defaults().timeout(shortTimeout())))
          .isInstanceOf(UnsupportedOperationException.class);
      return;
    }
    backend.store(success(ids.get(0), 0));
    backend.store(
        TaskMeta.builder(ids.get(1), TaskState.FAILURE)
            .result(new RemoteTaskException("ValueError", "builtins", List.of("boom"), null))
            .dateDone(DATE_DONE)
            .build());
    backend.store(TaskMeta.builder(ids.get(2), TaskState.STARTED).build());
    storeLater(backend, success(ids.get(2), 2));
    List<TaskMeta> yielded = new ArrayList<>();
    Iterator<TaskMeta> it = backend.iterNative(ids, GetOptions.defaults().timeout(longTimeout()));
    while (it.hasNext()) {
      yielded.add(it.next());
    }
    assertThat(yielded).extracting(TaskMeta::taskId).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(yielded).allSatisfy(m -> assertThat(m.isReady()).isTrue());
    assertThat(yielded.get(yielded.size() - 1).taskId())
        .as("the task stored last comes last")
        .isEqualTo(ids.get(2));
  }

  /** {@code iterNative} yields what is ready, then times out on a task that never is. */
  @Test
  public void iterNativeTimesOutOnATaskThatNeverFinishes() {
    if (!backend.supportsNativeJoin()) {
      return;
    }
    String ready = id("native-ready");
    String never = id("native-never");
    backend.store(success(ready, 1));
    Iterator<TaskMeta> it =
        backend.iterNative(List.of(ready, never), GetOptions.defaults().timeout(shortTimeout()));
    assertThat(it.hasNext()).isTrue();
    assertThat(it.next().taskId()).isEqualTo(ready);
    assertThatThrownBy(it::hasNext).isInstanceOf(ResultTimeoutException.class);
  }

  // ---------------------------------------------------------------- the result API on top

  /** {@code AsyncResult} over the backend reports each state the backend holds. */
  @Test
  public void asyncResultReportsTheStoredStates() {
    String id = id("api");
    AsyncResult<Integer> pending = result(id);
    assertThat(pending.state()).isEqualTo(TaskState.PENDING);
    assertThat(pending.ready()).isFalse();
    assertThat(pending.exists()).isFalse();

    backend.store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 9)).build());
    AsyncResult<Integer> started = result(id);
    assertThat(started.state()).isEqualTo(TaskState.STARTED);
    assertThat(started.info()).isEqualTo(Map.of("pid", 9));
    assertThat(started.ready()).isFalse();

    backend.store(
        TaskMeta.builder(id, TaskState.SUCCESS)
            .result(5)
            .dateDone(DATE_DONE)
            .extended("tasks.add", List.of(2, 3), Map.of(), "worker1@host", "celery")
            .retries(0)
            .build());
    AsyncResult<Integer> done = result(id);
    assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(done.ready()).isTrue();
    assertThat(done.successful()).isTrue();
    assertThat(done.get(longTimeout())).isEqualTo(5);
    assertThat(done.dateDone()).isEqualTo(DATE_DONE);
    assertThat(done.name()).isEqualTo("tasks.add");
    assertThat(done.args()).containsExactly(2, 3);
    assertThat(done.exists()).isTrue();
  }

  /** {@code AsyncResult.get} raises the stored failure, and {@code outcome} returns it. */
  @Test
  public void asyncResultRaisesStoredFailures() {
    String failedId = id("api-failed");
    backend.store(
        TaskMeta.builder(failedId, TaskState.FAILURE)
            .result(new RemoteTaskException("KeyError", "builtins", List.of("missing"), "tb"))
            .traceback("tb")
            .dateDone(DATE_DONE)
            .build());
    AsyncResult<Object> failed = result(failedId);
    assertThat(failed.failed()).isTrue();
    assertThat(failed.traceback()).isEqualTo("tb");
    assertThatThrownBy(() -> failed.get(longTimeout()))
        .isInstanceOf(RemoteTaskException.class)
        .hasMessage("KeyError: 'missing'");
    assertThat(result(failedId).outcome(GetOptions.defaults().timeout(longTimeout())))
        .isInstanceOf(Outcome.Failure.class);

    String revokedId = id("api-revoked");
    backend.store(
        TaskMeta.builder(revokedId, TaskState.REVOKED)
            .result(new TaskRevokedException("terminated"))
            .dateDone(DATE_DONE)
            .build());
    assertThat(result(revokedId).state()).isEqualTo(TaskState.REVOKED);
    assertThatThrownBy(() -> result(revokedId).get(longTimeout()))
        .isInstanceOf(TaskRevokedException.class)
        .hasMessage("terminated");
  }

  /** {@code AsyncResult.get} waits for a result stored from the worker side. */
  @Test
  public void asyncResultWaitsForTheWorker() {
    String id = id("api-later");
    storeLater(backend, success(id, "late"));
    assertThat(this.<String>result(id).get(longTimeout())).isEqualTo("late");
  }

  /** {@code AsyncResult.get} on a task that never finishes times out. */
  @Test
  public void asyncResultTimesOut() {
    AsyncResult<Object> never = result(id("api-never"));
    assertThatThrownBy(() -> never.get(shortTimeout())).isInstanceOf(ResultTimeoutException.class);
  }

  /** Children and parents read through the result API; forget goes to the backend. */
  @Test
  public void asyncResultReadsChildrenAndForgets() {
    String id = id("api-parent");
    backend.store(
        TaskMeta.builder(id, TaskState.SUCCESS)
            .result("spawned")
            .children(
                List.of(ResultTuple.of(id("api-c1"), null), ResultTuple.of(id("api-c2"), null)))
            .dateDone(DATE_DONE)
            .build());
    backend.store(success(id("api-c1"), 1));
    AsyncResult<Object> parent = result(id);
    assertThat(parent.children())
        .extracting(c -> ((AsyncResult<?>) c).id())
        .containsExactly(id("api-c1"), id("api-c2"));
    assertThat(parent.children())
        .extracting(c -> ((AsyncResult<?>) c).state())
        .containsExactly(TaskState.SUCCESS, TaskState.PENDING);
    parent.forget();
    assertThat(backend.exists(id)).isFalse();
    assertThat(result(id).state()).isEqualTo(TaskState.PENDING);
  }

  /** A {@code GroupResult} saves to and restores from the backend, then reads its members. */
  @Test
  public void groupResultSavesAndRestores() {
    String groupId = id("api-group");
    List<AsyncResult<Object>> members = List.of(result(id("api-m0")), result(id("api-m1")));
    new GroupResult(groupId, members, app).save(backend);
    backend.store(success(id("api-m0"), 10));
    backend.store(success(id("api-m1"), 11));
    GroupResult restored = GroupResult.restore(groupId, backend, app);
    assertThat(restored.id()).isEqualTo(groupId);
    assertThat(restored.results()).containsExactlyElementsOf(members);
    assertThat(restored.ready()).isTrue();
    assertThat(restored.completedCount()).isEqualTo(2);
    assertThat(restored.join(longTimeout())).containsExactly(10, 11);
    restored.delete(backend);
    assertThat(backend.restoreGroup(groupId)).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private <T> AsyncResult<T> result(String id) {
    return new AsyncResult<>(id, backend, null, app, null);
  }

  private static TaskMeta success(String id, Object value) {
    return TaskMeta.builder(id, TaskState.SUCCESS).result(value).dateDone(DATE_DONE).build();
  }

  private static void assertException(Object value, Class<?> type, String message) {
    assertThat(value).isInstanceOf(type);
    assertThat(((Throwable) value).getMessage()).isEqualTo(message);
  }

  private static void assertRemote(Object value, String type, String module, List<?> args) {
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
