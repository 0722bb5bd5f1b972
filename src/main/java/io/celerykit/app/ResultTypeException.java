package io.celerykit.app;

import io.celerykit.result.CeleryException;

/**
 * A task's stored value is not of the type the caller asked for with {@link
 * InMemoryCelery#sendTask(String, Class, Object...)} or {@link InMemoryCelery#asyncResult(String,
 * Class)}: the message names the task, the type asked for and the type stored, instead of a bare
 * {@link ClassCastException} at the caller.
 */
public final class ResultTypeException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was asked for and what was stored
   */
  public ResultTypeException(String message) {
    super(message);
  }
}
