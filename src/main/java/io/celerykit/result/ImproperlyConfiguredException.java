package io.celerykit.result;

/**
 * Thrown when a setting or an option cannot work with the backend or app in use.
 *
 * <p>Mirrors Celery's {@code celery.exceptions.ImproperlyConfigured}.
 */
public class ImproperlyConfiguredException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public ImproperlyConfiguredException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public ImproperlyConfiguredException(String message, Throwable cause) {
    super(message, cause);
  }
}
