package io.celerykit.wire;

import io.celerykit.result.CeleryException;

/**
 * Thrown when a value cannot be stored with Celery's JSON serializer, as kombu's {@code
 * EncodeError}: {@code Object of type Foo is not JSON serializable}. A task whose return value
 * cannot be encoded fails with it, as in Celery, so a test catches the result production could not
 * store.
 */
public class EncodeException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be encoded
   */
  public EncodeException(String message) {
    super(message);
  }
}
