package io.celerykit.wire;

/**
 * Thrown when Celery's stored JSON cannot be read: malformed JSON, a missing key, a value of the
 * wrong type. The message names the source (file or key) and the key at fault.
 */
public class WireFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, where, and what was expected
   */
  public WireFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong, where, and what was expected
   * @param cause the parser's exception
   */
  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
