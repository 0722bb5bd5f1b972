package io.celerykit.result;

/**
 * Thrown when a wait ({@code get}, {@code join}, {@code iterNative}) does not see its result ready
 * within the timeout. Its message starts with Celery's {@code The operation timed out.} (or {@code
 * join operation timed out} for a join).
 *
 * <p>Mirrors Celery's {@code celery.exceptions.TimeoutError}.
 */
public class ResultTimeoutException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message.
   *
   * @param message what went wrong and what to do instead
   */
  public ResultTimeoutException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a message and a cause.
   *
   * @param message what went wrong and what to do instead
   * @param cause the underlying exception
   */
  public ResultTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
