package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One task of a canvas: a signature with its id assigned (its own {@code task_id} if it has one).
 */
final class TaskNode extends CanvasNode {
  private final InMemoryCelery app;
  private final boolean eager;
  private final Signature sig;
  private final String id;
  private List<Consumer<Done>> listeners = List.of();
  private String groupId;
  private Integer groupIndex;
  private boolean completed;
  private volatile EagerResult<?> ran;
  private volatile EagerResult<?> failedUnsent;

  TaskNode(CanvasRun run, Signature sig) {
    this.app = run.app();
    this.eager = run.eager();
    this.sig = sig;
    String preset = sig.options().taskId();
    this.id = preset != null ? preset : app.newId();
  }

  @Override
  void send(List<?> args, boolean addToParent) {
    Signature s = sig;
    for (int i = args.size() - 1; i >= 0; i--) {
      s = s.withPrepended(args.get(i));
    }
    AsyncResult<Object> sent =
        app.send(
            sig.taskName(),
            s.args(),
            s.kwargs(),
            sig.options().taskId(id),
            groupId,
            groupIndex,
            null,
            listeners.isEmpty() ? List.of() : List.of(this::completed),
            addToParent);
    if (sent instanceof EagerResult<?> e) {
      ran = e;
      if (e.state().equals(TaskState.SUCCESS) || TaskState.PROPAGATE_STATES.contains(e.state())) {
        fire(new Done(e.state(), e.result(), id));
      }
    }
  }

  private void completed(Completion c) {
    fire(new Done(c.state(), c.value(), id));
  }

  private void fire(Done done) {
    synchronized (this) {
      if (completed) {
        return;
      }
      completed = true;
    }
    for (Consumer<Done> listener : listeners) {
      listener.accept(done);
    }
  }

  @Override
  void onComplete(Consumer<Done> listener) {
    if (listeners.isEmpty()) {
      listeners = new ArrayList<>(1);
    }
    listeners.add(listener);
  }

  @Override
  void joinGroup(String gid, int index) {
    this.groupId = gid;
    this.groupIndex = index;
  }

  @Override
  void fail(TaskState state, Object exception) {
    fail(state, exception, true);
  }

  /**
   * Fails this task as a chord's body whose header failed: its errbacks are sent and the error is
   * stored without the task's request fields, as Celery's {@code chord_error_from_stack} does (it
   * calls {@code fail_from_current_stack}, which stores no {@code name}, {@code args}, ...).
   */
  void failAsChordBody(Object exception) {
    callErrbacks();
    fail(TaskState.FAILURE, exception, false);
  }

  private void fail(TaskState state, Object exception, boolean withRequest) {
    String traceback = exception instanceof Throwable t ? Worker.traceback(t) : null;
    if (!eager || app.config().taskStoreEagerResult()) {
      TaskMeta.Builder meta =
          TaskMeta.builder(id, state)
              .result(exception)
              .traceback(traceback)
              .dateDone(app.clock().now())
              .groupId(groupId);
      if (withRequest && app.config().resultExtended()) {
        meta.extended(sig.taskName(), sig.args(), sig.kwargs(), null, null);
      }
      app.backend().store(meta.build());
    }
    if (eager) {
      failedUnsent = new EagerResult<>(id, exception, state, traceback, sig.taskName(), app);
    }
    fire(new Done(state, exception, id));
  }

  /** Sends the signature's errbacks with this task's id, as Celery does for a chord's body. */
  private void callErrbacks() {
    Worker.callErrbacks(sig.options().linkError(), id);
  }

  @Override
  ResultBase result(ResultBase parent) {
    EagerResult<?> e = ran != null ? ran : failedUnsent;
    if (e != null) {
      return new LinkedEagerResult<>(e, app, parent);
    }
    return new AsyncResult<>(id, app, parent);
  }
}
