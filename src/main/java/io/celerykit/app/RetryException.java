package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import io.celerykit.result.CeleryException;
import java.time.Duration;

/**
 * Raised by {@link TaskContext#retry} to end the current run and have the worker retry the task, as
 * Celery's {@code celery.exceptions.Retry}. Let it propagate out of the task body.
 */
public final class RetryException extends CeleryException {
  private static final long serialVersionUID = 1L;

  private final transient Throwable exc;

  /** The delay before the retry, or null for the task's default. */
  private final Duration countdown;

  RetryException(Throwable exc, Duration countdown) {
    super("Retry in " + seconds(countdown) + (exc == null ? "" : ": " + PythonRepr.repr(exc)), exc);
    this.exc = exc;
    this.countdown = countdown;
  }

  private static String seconds(Duration d) {
    long s = d.getSeconds();
    // Whole seconds alone where milliseconds would overflow a long (a countdown of centuries).
    return d.getNano() == 0 || s >= Long.MAX_VALUE / 1000 ? s + "s" : (d.toMillis() / 1000.0) + "s";
  }

  /**
   * Returns the exception the retry is for, or null.
   *
   * @return the exception
   */
  public Throwable exc() {
    return exc;
  }

  /**
   * Returns when the retry runs, from now.
   *
   * @return the countdown
   */
  public Duration countdown() {
    return countdown;
  }
}
