package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request of a running task, as {@code self.request} of a bound Celery task: its id, arguments,
 * retries, headers; and what a task can do: {@link #retry}, {@link #updateState}, {@link #reject},
 * call other tasks (through {@link #app()}; their results become this task's children when it is
 * {@code trail}).
 *
 * <pre>{@code
 * app.boundTask("tasks.fetch", self -> {
 *   try { return http.get(url); }
 *   catch (IOException e) { throw self.retry(e, Duration.ofSeconds(10)); }
 * });
 * }</pre>
 */
public final class TaskContext {
  private final InMemoryCelery app;
  private final ResultStore results;
  private final Message message;
  private final RegisteredTask task;
  private final boolean eager;
  private List<ResultBase> children; // guarded by this; made on the first child

  TaskContext(
      InMemoryCelery app,
      ResultStore results,
      Message message,
      RegisteredTask task,
      boolean eager) {
    this.app = app;
    this.results = results;
    this.message = message;
    this.task = task;
    this.eager = eager;
  }

  /**
   * Returns the task id ({@code request.id}).
   *
   * @return the id
   */
  public String id() {
    return message.id;
  }

  /**
   * Returns the task name ({@code self.name}).
   *
   * @return the name
   */
  public String name() {
    return message.name;
  }

  /**
   * Returns the positional arguments ({@code request.args}).
   *
   * @return an unmodifiable list
   */
  public List<Object> args() {
    return message.args;
  }

  /**
   * Returns the keyword arguments ({@code request.kwargs}).
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> kwargs() {
    return message.kwargs;
  }

  /**
   * Returns how often the task was retried so far ({@code request.retries}).
   *
   * @return the count
   */
  public int retries() {
    return message.retries;
  }

  /**
   * Tells whether the task runs eagerly ({@code request.is_eager}).
   *
   * @return true for {@code apply()} and eager mode
   */
  public boolean isEager() {
    return eager;
  }

  /**
   * Returns the message headers, which carry the stamps ({@code request.headers}).
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> headers() {
    return message.headers;
  }

  /**
   * Returns the stamps of the message: its headers, as {@code request.stamps}.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> stamps() {
    return message.headers;
  }

  /**
   * Returns the id of the task that sent this one, or null ({@code request.parent_id}).
   *
   * @return the parent id
   */
  public String parentId() {
    return message.parentId;
  }

  /**
   * Returns the id of the first task of the workflow ({@code request.root_id}).
   *
   * @return the root id
   */
  public String rootId() {
    return message.rootId;
  }

  /**
   * Returns the group id of a group member, or null ({@code request.group}).
   *
   * @return the group id
   */
  public String groupId() {
    return message.groupId;
  }

  /**
   * Returns the app, to call other tasks from inside this one.
   *
   * @return the app
   */
  public InMemoryCelery app() {
    return app;
  }

  /**
   * Retries the task with the default delay, as {@code self.retry()}. Throw what it returns (it
   * throws itself too): {@code throw self.retry();}.
   *
   * @return never returns normally
   */
  public RetryException retry() {
    return retry(null, null, null, false);
  }

  /**
   * Retries the task for an exception, with the default delay ({@code self.retry(exc=exc)}).
   *
   * @param exc the exception, stored as the RETRY result
   * @return never returns normally
   */
  public RetryException retry(Throwable exc) {
    return retry(exc, null, null, false);
  }

  /**
   * Retries the task after a countdown ({@code self.retry(exc=exc, countdown=...)}).
   *
   * @param exc the exception, or null
   * @param countdown the delay before the retry, or null for the default
   * @return never returns normally
   */
  public RetryException retry(Throwable exc, Duration countdown) {
    return retry(exc, countdown, null, false);
  }

  /**
   * Retries the task ({@code self.retry(exc=exc, countdown=..., max_retries=...)}). Past {@code
   * max_retries} the task fails: with {@code exc} if given, else with {@link
   * MaxRetriesExceededException} ({@code Can't retry name[id] args:(...) kwargs:{...}}), as Celery.
   * An eager run ({@code apply()}, {@code task_always_eager}) is run again at once, without waiting
   * for the countdown, and the call's result is the last run's, as Celery's {@code Task.apply}.
   *
   * @param exc the exception, or null
   * @param countdown the delay before the retry, or null for the default
   * @param maxRetries the limit for this call, or null for the task's
   * @return never returns normally
   */
  public RetryException retry(Throwable exc, Duration countdown, Integer maxRetries) {
    return retry(exc, countdown, maxRetries, maxRetries != null);
  }

  private RetryException retry(
      Throwable exc, Duration countdown, Integer maxRetriesArg, boolean maxGiven) {
    if (countdown != null && countdown.isNegative()) {
      throw new IllegalArgumentException("retry countdown must not be negative, got " + countdown);
    }
    Integer max = maxGiven ? maxRetriesArg : task.options().maxRetries(app.config());
    if (max != null && message.retries >= max) {
      Throwable failure =
          exc != null
              ? exc
              : new MaxRetriesExceededException(
                  "Can't retry "
                      + message.name
                      + "["
                      + message.id
                      + "] args:"
                      + PythonRepr.tuple(message.args)
                      + " kwargs:"
                      + PythonRepr.repr(message.kwargs));
      throw new FailNow(failure);
    }
    Duration delay = countdown != null ? countdown : task.options().defaultRetryDelay(app.config());
    throw new RetryException(exc, delay);
  }

  /**
   * Stores a custom state with its meta, as {@code self.update_state(state=..., meta=...)}: for
   * example {@code PROGRESS} with {@code {"current": 3, "total": 10}}.
   *
   * @param state the state
   * @param meta the meta, stored as the result
   */
  public void updateState(TaskState state, Object meta) {
    Objects.requireNonNull(state, "state");
    results.store(message, state, results.serialize(meta), null, List.of());
  }

  /**
   * Stores a custom state by name ({@code self.update_state(state="PROGRESS", meta=...)}).
   *
   * @param state the state name
   * @param meta the meta
   */
  public void updateState(String state, Object meta) {
    updateState(TaskState.of(state), meta);
  }

  /**
   * Rejects the message, as raising Celery's {@code Reject}: nothing is stored, the journal records
   * {@code task-rejected}; an eager run's result is REJECTED.
   *
   * @param requeue whether the message asks to be requeued (recorded only)
   * @return never returns normally
   */
  public RejectException reject(boolean requeue) {
    throw new RejectException(requeue);
  }

  void addChild(ResultBase child) {
    if (task.options().trail()) {
      synchronized (this) {
        if (children == null) {
          children = new ArrayList<>(2);
        }
        children.add(child);
      }
    }
  }

  List<ResultBase> children() {
    synchronized (this) {
      return children == null ? List.of() : List.copyOf(children);
    }
  }

  Message message() {
    return message;
  }
}
