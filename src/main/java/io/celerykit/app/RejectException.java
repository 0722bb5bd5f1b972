package io.celerykit.app;

import io.celerykit.result.CeleryException;

/**
 * Raised by {@link TaskContext#reject(boolean)} to reject the message, as Celery's {@code
 * celery.exceptions.Reject}: nothing is stored and the journal records {@code task-rejected}.
 */
public final class RejectException extends CeleryException {
  private static final long serialVersionUID = 1L;

  /** Whether the message goes back to the queue. */
  private final boolean requeue;

  RejectException(boolean requeue) {
    super("Task rejected" + (requeue ? " (requeue)" : ""));
    this.requeue = requeue;
  }

  /**
   * Tells whether the message asked to be requeued.
   *
   * @return requeue
   */
  public boolean requeue() {
    return requeue;
  }
}
