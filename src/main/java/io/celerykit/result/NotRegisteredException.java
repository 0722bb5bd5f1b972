package io.celerykit.result;

/**
 * Thrown when a task name is called that no task was registered under.
 *
 * <p>Mirrors Celery's {@code celery.exceptions.NotRegistered}.
 */
public class NotRegisteredException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public NotRegisteredException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public NotRegisteredException(String message, Throwable cause) {
    super(message, cause);
  }
}
