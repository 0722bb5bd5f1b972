package io.celerykit.result;

import io.celerykit.internal.ResultHooks;
import io.celerykit.internal.StoredFailures;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A result that is known already, as Celery's {@code celery.result.EagerResult}: what {@code
 * apply()} and eager mode return. It is always ready, reads no backend, {@link #forget()} does
 * nothing and {@link #revoke(RevokeOptions)} only sets its state to REVOKED.
 *
 * <pre>{@code
 * EagerResult<Integer> r = EagerResult.success("id-1", 42);
 * r.get();   // 42
 * }</pre>
 *
 * @param <T> the type of the value
 */
public class EagerResult<T> extends AsyncResult<T> {

  private final Object retValue;
  private final String traceback;
  private final String taskName;
  private volatile TaskState state;

  /**
   * Creates an eager result, as {@code EagerResult(id, ret_value, state)}.
   *
   * @param id the task id
   * @param retValue the value (or the exception, for FAILURE)
   * @param state the state
   */
  public EagerResult(String id, Object retValue, TaskState state) {
    this(id, retValue, state, null, null, null);
  }

  /**
   * Creates an eager result with every argument of Celery's constructor, {@code EagerResult(id,
   * ret_value, state, traceback=None, name=None)}, and the app whose sync-subtask guard applies.
   *
   * @param id the task id
   * @param retValue the value (or the exception)
   * @param state the state
   * @param traceback the traceback text, or null
   * @param name the task name, or null
   * @param app the app, or null
   */
  public EagerResult(
      String id, Object retValue, TaskState state, String traceback, String name, CeleryApp app) {
    super(id, app, name);
    this.retValue = retValue;
    this.state = Objects.requireNonNull(state, "state");
    this.traceback = traceback;
    this.taskName = name;
  }

  /**
   * Returns a SUCCESS eager result.
   *
   * @param <T> the value type
   * @param id the task id
   * @param value the value
   * @return the result
   */
  public static <T> EagerResult<T> success(String id, T value) {
    return new EagerResult<>(id, value, TaskState.SUCCESS);
  }

  /**
   * Returns a FAILURE eager result.
   *
   * @param <T> the value type the task would have returned
   * @param id the task id
   * @param exception the exception
   * @return the result
   */
  public static <T> EagerResult<T> failure(String id, Throwable exception) {
    return new EagerResult<>(id, Objects.requireNonNull(exception, "exception"), TaskState.FAILURE);
  }

  @Override
  TaskMeta meta() {
    return TaskMeta.builder(id(), state)
        .result(retValue)
        .traceback(traceback)
        .name(taskName)
        .build();
  }

  /** Always true: an eager result has executed. */
  @Override
  public boolean ready() {
    return true;
  }

  /** {@inheritDoc} */
  @Override
  public TaskState state() {
    return state;
  }

  /** {@inheritDoc} */
  @Override
  public Object result() {
    return retValue;
  }

  /** {@inheritDoc} */
  @Override
  public String traceback() {
    return traceback;
  }

  /** Always true: the value is held by the result itself. */
  @Override
  public boolean exists() {
    return true;
  }

  /** Always true: nothing is read from a backend. */
  @Override
  public boolean isCached() {
    return true;
  }

  /** Always false, as Celery's {@code EagerResult.supports_native_join}. */
  @Override
  public boolean supportsNativeJoin() {
    return false;
  }

  /**
   * Returns the value at once, as Celery's {@code EagerResult.get}: the value for SUCCESS; for
   * FAILURE or REVOKED the exception is raised (or returned, with {@code propagate(false)} through
   * {@link #value(GetOptions)}); null for any other state. As in Celery, {@link #ignored()} does
   * not apply: the value is held by the result itself.
   *
   * @param options only {@code propagate} and {@code disableSyncSubtasks} apply
   * @return the value
   */
  @Override
  public Object value(GetOptions options) {
    if (options.disableSyncSubtasks() && app() instanceof ResultHooks hooks) {
      hooks.assertWillNotBlock();
    }
    TaskState now = state;
    if (now.equals(TaskState.SUCCESS)) {
      return retValue;
    }
    if (TaskState.PROPAGATE_STATES.contains(now)) {
      if (options.propagate()) {
        throw StoredFailures.reraise(retValue, id(), now);
      }
      return retValue;
    }
    return null;
  }

  /** Does nothing, as Celery's {@code EagerResult.forget}. */
  @Override
  public void forget() {}

  @Override
  List<ResultBase> forgetDependencies() {
    return List.of();
  }

  @Override
  void forgetOwn() {}

  /**
   * Sets the state to REVOKED, as Celery's {@code EagerResult.revoke}; nothing is sent.
   *
   * @param options ignored
   */
  @Override
  public void revoke(RevokeOptions options) {
    state = TaskState.REVOKED;
  }

  @Override
  synchronized CompletableFuture<AsyncResult<T>> readyFuture() {
    return CompletableFuture.completedFuture(this);
  }
}
