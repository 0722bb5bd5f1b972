package io.celerykit.result;

/**
 * The value of a REVOKED result; {@code get()} re-raises it. Its message is Celery's: {@code
 * revoked}, {@code terminated} or {@code expired}.
 *
 * <p>Mirrors Celery's {@code celery.exceptions.TaskRevokedError}.
 */
public class TaskRevokedException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public TaskRevokedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public TaskRevokedException(String message, Throwable cause) {
    super(message, cause);
  }
}
