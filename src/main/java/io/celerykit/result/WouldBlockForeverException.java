package io.celerykit.result;

/**
 * Thrown at once, instead of hanging as Celery would, when a wait without timeout is on a result
 * that nothing scheduled on the virtual clock can ever complete.
 *
 * <p>Mirrors Celery's {@code a wait that never returns}.
 */
public class WouldBlockForeverException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public WouldBlockForeverException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public WouldBlockForeverException(String message, Throwable cause) {
    super(message, cause);
  }
}
