package io.celerykit.result;

/**
 * Thrown by {@code GroupResult.restore} when no group was saved under the id (Celery returns {@code
 * None}).
 *
 * <p>Mirrors Celery's {@code GroupResult.restore returning None}.
 */
public class GroupNotFoundException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public GroupNotFoundException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public GroupNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
