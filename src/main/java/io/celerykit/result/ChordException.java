package io.celerykit.result;

/**
 * A chord's body could not run because a member of its header failed, as Celery's {@code
 * celery.exceptions.ChordError}. It is stored as the body's FAILURE, so {@code get()} on the
 * chord's result raises it. The message is Celery's: {@code Dependency <member id> raised <repr of
 * the member's exception>}.
 *
 * <pre>{@code
 * AsyncResult<Object> total = Canvas.chord(List.of(ok.s(), boom.s()), tsum.s()).applyAsync();
 * total.get();   // ChordException: Dependency 1f0e...-... raised IllegalStateException('boom')
 * }</pre>
 */
public class ChordException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception, as {@code ChordError(reason)}.
   *
   * @param message the reason, e.g. {@code Dependency <id> raised ValueError('boom')}
   */
  public ChordException(String message) {
    super(message);
  }
}
