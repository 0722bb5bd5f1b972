package io.celerykit.result;

/**
 * Stored as the failure of a task that asked to retry more often than its {@code max_retries}
 * allows. The message is Celery's {@code Can't retry name[id] args:(...) kwargs:{...}}.
 *
 * <p>Mirrors Celery's {@code celery.exceptions.MaxRetriesExceededError}.
 */
public class MaxRetriesExceededException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public MaxRetriesExceededException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public MaxRetriesExceededException(String message, Throwable cause) {
    super(message, cause);
  }
}
