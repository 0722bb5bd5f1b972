package io.celerykit.result;

/**
 * Thrown by {@code iterdeps(false)} (and so {@code collect}) when it reaches a node that is not
 * ready yet.
 *
 * <p>Mirrors Celery's {@code celery.exceptions.IncompleteStream}.
 */
public class IncompleteStreamException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public IncompleteStreamException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public IncompleteStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
