package io.celerykit.result;

/**
 * Root of celerykit's exceptions, as {@code celery.exceptions.CeleryError} is of Celery's. All are
 * unchecked.
 */
public class CeleryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public CeleryException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public CeleryException(String message, Throwable cause) {
    super(message, cause);
  }
}
