package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The backend contract's task metas: unknown ids read PENDING, stores replace until SUCCESS (which
 * is final, as in Celery's key-value backends), forget, every field round-trips, exceptions read
 * back, concurrent stores are kept. Part of {@link ResultBackendContract}.
 */
// The JUnit annotations on the public tests belong to a `requires static` module.
@SuppressWarnings("exports")
public abstract class TaskMetaContract extends BackendContractSupport {

  /** Creates the piece; subclasses are JUnit test classes that say how to make the backend. */
  protected TaskMetaContract() {}

  /** Creates the piece nested in a whole contract, over its backend and hooks. */
  TaskMetaContract(BackendContractSupport owner) {
    super(owner);
  }

  /**
   * A task nothing was stored for reads as PENDING with a null result and no children or date, as
   * Celery's {@code get_task_meta}; it does not exist.
   */
  @Test
  public void unknownIdReadsAsPendingWithNullResult() {
    String id = id("unknown");
    TaskMeta meta = backend().getTaskMeta(id);
    assertThat(meta).isNotNull();
    assertThat(meta.taskId()).isEqualTo(id);
    assertThat(meta.state()).isEqualTo(TaskState.PENDING);
    assertThat(meta.result()).isNull();
    assertThat(meta.traceback()).isNull();
    assertThat(meta.children()).isEmpty();
    assertThat(meta.dateDone()).isNull();
    assertThat(meta.isReady()).isFalse();
    assertThat(backend().exists(id)).isFalse();
  }

  /** A stored meta reads back equal, and then exists. */
  @Test
  public void storedMetaReadsBack() {
    TaskMeta meta = success(id("stored"), 42);
    backend().store(meta);
    assertThat(backend().getTaskMeta(meta.taskId())).isEqualTo(meta);
    assertThat(backend().exists(meta.taskId())).isTrue();
  }

  /** Storing again replaces the meta, in any order of unready and ready states but SUCCESS. */
  @Test
  public void overwriteKeepsTheLastMetaUntilSuccess() {
    String id = id("overwritten");
    backend().store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 7)).build());
    backend().store(TaskMeta.builder(id, TaskState.RETRY).build());
    backend().store(TaskMeta.builder(id, TaskState.of("PROGRESS")).result(Map.of("n", 1)).build());
    assertThat(backend().getTaskMeta(id).state()).isEqualTo(TaskState.of("PROGRESS"));
    TaskMeta failure =
        failure(id, new RemoteTaskException("ValueError", "builtins", List.of("boom"), null));
    backend().store(failure);
    assertThat(backend().getTaskMeta(id).state()).isEqualTo(TaskState.FAILURE);
    TaskMeta last = success(id, "done");
    backend().store(last);
    assertThat(backend().getTaskMeta(id)).isEqualTo(last);
  }

  /**
   * SUCCESS is final: once a task's stored state is SUCCESS, every later store for it (a lost
   * worker's STARTED, a duplicate's FAILURE, another SUCCESS) is ignored, and its subscribers hear
   * nothing; {@code forget} clears it. As Celery's {@code BaseKeyValueStoreBackend._store_result}
   * ({@code celery/backends/base.py}): "if the status is a success then we ignore any following
   * update to the state".
   */
  @Test
  public void successIsFinalUntilForgotten() {
    String id = id("final");
    TaskMeta done = success(id, "first");
    backend().store(done);
    List<TaskMeta> heard = new CopyOnWriteArrayList<>();
    ResultBackend.Subscription subscription = backend().subscribe(id, heard::add);
    backend().store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 1)).build());
    backend()
        .store(
            failure(id, new RemoteTaskException("ValueError", "builtins", List.of("late"), null)));
    backend().store(success(id, "second"));
    subscription.close();
    assertThat(backend().getTaskMeta(id)).isEqualTo(done);
    assertThat(heard).isEmpty();

    backend().forget(id);
    assertThat(backend().getTaskMeta(id).state()).isEqualTo(TaskState.PENDING);
    TaskMeta again = TaskMeta.builder(id, TaskState.STARTED).build();
    backend().store(again);
    assertThat(backend().getTaskMeta(id)).isEqualTo(again);
  }

  /**
   * {@code storeResult} and {@code markAsFailure} build the meta in one call, as Celery's {@code
   * store_result(task_id, result, state, traceback)} and {@code mark_as_failure(task_id, exc,
   * traceback)}: a ready state gets a {@code date_done}, the traceback is the one given (none when
   * none is given, as Celery stores None).
   */
  @Test
  public void storeResultAndMarkAsFailureBuildTheMeta() {
    String doneId = id("store-result");
    backend().storeResult(doneId, 42, TaskState.SUCCESS);
    TaskMeta done = backend().getTaskMeta(doneId);
    assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(done.result()).isEqualTo(42);
    assertThat(done.traceback()).isNull();
    assertThat(done.dateDone()).isNotNull();

    String progressId = id("store-progress");
    backend().storeResult(progressId, Map.of("n", 1), TaskState.of("PROGRESS"), null);
    assertThat(backend().getTaskMeta(progressId).dateDone()).isNull();

    String failedId = id("mark-as-failure");
    String traceback = "Traceback (most recent call last):\nValueError: boom\n";
    backend()
        .markAsFailure(
            failedId,
            new RemoteTaskException("ValueError", "builtins", List.of("boom"), traceback),
            traceback);
    TaskMeta failed = backend().getTaskMeta(failedId);
    assertThat(failed.state()).isEqualTo(TaskState.FAILURE);
    assertThat(failed.traceback()).isEqualTo(traceback);
    assertThat(failed.dateDone()).isNotNull();
    assertRemote(failed.result(), "ValueError", "builtins", List.of("boom"));
  }

  /** Metas of different tasks do not mix. */
  @Test
  public void metasOfDifferentTasksAreKeptApart() {
    TaskMeta a = success(id("a"), "a");
    TaskMeta b = success(id("b"), "b");
    backend().store(a);
    backend().store(b);
    assertThat(backend().getTaskMeta(a.taskId())).isEqualTo(a);
    assertThat(backend().getTaskMeta(b.taskId())).isEqualTo(b);
  }

  /**
   * {@code forget} removes the meta: the task reads PENDING again and does not exist; forgetting an
   * unknown id does nothing.
   */
  @Test
  public void forgetMakesTheTaskPendingAgain() {
    TaskMeta meta = success(id("forgotten"), 1);
    backend().store(meta);
    backend().forget(meta.taskId());
    assertThat(backend().getTaskMeta(meta.taskId()).state()).isEqualTo(TaskState.PENDING);
    assertThat(backend().getTaskMeta(meta.taskId()).result()).isNull();
    assertThat(backend().exists(meta.taskId())).isFalse();
    backend().forget(id("never-stored"));
    assertThat(backend().exists(id("never-stored"))).isFalse();
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
    backend().store(meta);
    TaskMeta read = backend().getTaskMeta(id);
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
    backend().store(meta);
    TaskMeta read = backend().getTaskMeta(meta.taskId());
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
    backend().store(started);
    backend().store(progress);
    assertThat(backend().getTaskMeta(started.taskId())).isEqualTo(started);
    assertThat(backend().getTaskMeta(progress.taskId())).isEqualTo(progress);
    assertThat(backend().getTaskMeta(progress.taskId()).isReady()).isFalse();
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
        failure(
            id("failed"),
            new RemoteTaskException("ValueError", "builtins", List.of("boom"), traceback),
            traceback);
    TaskMeta revoked = revoked(id("revoked"), "revoked");
    TaskMeta exhausted =
        failure(
            id("exhausted"), new MaxRetriesExceededException("Can't retry tasks.flaky"), traceback);
    TaskMeta retry =
        TaskMeta.builder(id("retry"), TaskState.RETRY)
            .result(new RemoteTaskException("IOError", "builtins", List.of("flaky", 3), traceback))
            .traceback(traceback)
            .build();
    for (TaskMeta meta : List.of(failure, revoked, exhausted, retry)) {
      backend().store(meta);
    }

    TaskMeta readFailure = backend().getTaskMeta(failure.taskId());
    assertThat(readFailure.state()).isEqualTo(TaskState.FAILURE);
    assertThat(readFailure.traceback()).isEqualTo(traceback);
    assertThat(readFailure.dateDone()).isEqualTo(DATE_DONE);
    assertRemote(readFailure.result(), "ValueError", "builtins", List.of("boom"));
    assertThat(((RemoteTaskException) readFailure.result()).traceback()).isEqualTo(traceback);

    assertException(
        backend().getTaskMeta(revoked.taskId()).result(), TaskRevokedException.class, "revoked");
    assertException(
        backend().getTaskMeta(exhausted.taskId()).result(),
        MaxRetriesExceededException.class,
        "Can't retry tasks.flaky");
    TaskMeta readRetry = backend().getTaskMeta(retry.taskId());
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
    TaskMeta meta = failure(id("java-failure"), new IllegalStateException("bad state"));
    backend().store(meta);
    Object result = backend().getTaskMeta(meta.taskId()).result();
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
   * @throws InterruptedException when the test thread is interrupted while the writers run
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
                    backend().store(success(id, i));
                    backend().getTaskMeta(id(("concurrent-" + ((thread + 1) % threads)) + "-" + i));
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
        assertThat(backend().getTaskMeta(id("concurrent-" + t + "-" + i)).result()).isEqualTo(i);
      }
    }
  }
}
