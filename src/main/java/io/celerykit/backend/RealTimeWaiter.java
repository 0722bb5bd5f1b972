package io.celerykit.backend;

import io.celerykit.internal.TimeMath;
import io.celerykit.result.CeleryException;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultTimeoutException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits in real time, woken at once by every store; fires {@code on_interval} per interval. */
final class RealTimeWaiter implements Waiter {
  private final RealTimeSignal signal;
  private final Duration timeout;
  private final long intervalNanos;
  private final Runnable onInterval;
  private final long deadline;
  private long nextTick;

  /** About 146 years: a wait or an interval this long never ends (System.nanoTime() wraps). */
  private static final long FOREVER = Long.MAX_VALUE / 2;

  RealTimeWaiter(RealTimeSignal signal, GetOptions options) {
    this.signal = signal;
    Duration given = options.timeout();
    this.timeout = given != null && TimeMath.nanos(given) >= FOREVER ? null : given;
    this.intervalNanos = Math.min(TimeMath.nanos(options.interval()), FOREVER);
    this.onInterval = intervalNanos >= FOREVER ? null : options.onInterval();
    long now = System.nanoTime();
    this.deadline = timeout == null ? Long.MAX_VALUE : now + timeout.toNanos();
    this.nextTick = onInterval == null ? Long.MAX_VALUE : now + intervalNanos;
  }

  @Override
  public void await(BooleanSupplier done, Supplier<String> what) {
    signal.enter();
    try {
      while (!done.getAsBoolean()) {
        long now = System.nanoTime();
        if (timeout != null && now - deadline >= 0) {
          throw new ResultTimeoutException(
              "The operation timed out. "
                  + what.get()
                  + " is not ready after "
                  + timeout
                  + " of real time (threaded mode)");
        }
        if (onInterval != null && now - nextTick >= 0) {
          nextTick = now + intervalNanos;
          onInterval.run();
          continue;
        }
        // Differences only for the bounds that are set: MAX_VALUE - now overflows when now < 0.
        long until =
            Math.min(
                timeout == null ? Long.MAX_VALUE : deadline - now,
                onInterval == null ? Long.MAX_VALUE : nextTick - now);
        signal.awaitUnless(done, Math.max(until, 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CeleryException("interrupted while waiting for " + what.get(), e);
    } finally {
      signal.leave();
    }
  }
}
