package io.celerykit.result;

/**
 * Thrown by {@code get()} for a failed task whose stored exception cannot be re-raised as it is: a
 * checked exception (Java cannot throw it unchecked) or a value that is not an exception at all.
 * The original is the {@link #getCause() cause}. Unchecked exceptions are re-raised as the very
 * same instance, as Celery does.
 */
public class TaskFailedException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /** The id of the task that failed. */
  private final String taskId;

  private final transient TaskState state;

  /**
   * Creates the exception.
   *
   * @param taskId the id of the failed task
   * @param state its state (FAILURE or REVOKED)
   * @param message what happened
   * @param cause the stored exception, or null when the stored value was not an exception
   */
  public TaskFailedException(String taskId, TaskState state, String message, Throwable cause) {
    super(message, cause);
    this.taskId = taskId;
    this.state = state;
  }

  /**
   * Returns the id of the failed task.
   *
   * @return the task id
   */
  public String taskId() {
    return taskId;
  }

  /**
   * Returns the state the task was in.
   *
   * @return FAILURE or REVOKED
   */
  public TaskState state() {
    return state;
  }
}
