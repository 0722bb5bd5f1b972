package io.celerykit.internal;

import io.celerykit.result.TaskFailedException;
import io.celerykit.result.TaskState;

/**
 * Re-raises a stored failure the way celerykit's design says, as Celery's {@code maybe_throw}
 * re-raises the stored exception: an unchecked exception (or error) as it is, the same instance; a
 * checked one wrapped in {@link TaskFailedException} with the original as its cause; a value that
 * is no exception at all as a {@link TaskFailedException} that says so. Not API.
 */
public final class StoredFailures {
  private StoredFailures() {}

  /**
   * Throws the stored failure of a task; declared to return the exception so that callers can write
   * {@code throw StoredFailures.reraise(...)} and the compiler sees the throw.
   *
   * @param exception the stored value (normally a {@link Throwable})
   * @param taskId the task id, for the wrapping exception
   * @param state the task's state, for the wrapping exception
   * @return never returns
   */
  public static RuntimeException reraise(Object exception, String taskId, TaskState state) {
    return reraise(
        exception,
        taskId,
        state,
        exception instanceof Throwable
            ? "task " + taskId + " is in state " + state + " with checked exception " + exception
            : "task "
                + taskId
                + " is in state "
                + state
                + " and its stored value is not an exception: "
                + exception);
  }

  /**
   * Throws the stored failure of a task, with a message of the caller's for the wrapping {@link
   * TaskFailedException} (such as {@code "eager task tasks.add[id] raised ..."}).
   *
   * @param exception the stored value (normally a {@link Throwable})
   * @param taskId the task id, for the wrapping exception
   * @param state the task's state, for the wrapping exception
   * @param message the message of the wrapping exception
   * @return never returns
   */
  public static RuntimeException reraise(
      Object exception, String taskId, TaskState state, String message) {
    if (exception instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    if (exception instanceof Error error) {
      throw error;
    }
    throw new TaskFailedException(
        taskId, state, message, exception instanceof Throwable checked ? checked : null);
  }
}
