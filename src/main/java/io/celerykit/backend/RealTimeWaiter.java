package io.celerykit.backend;

import io.celerykit.internal.TimeMath;
import io.celerykit.result.CeleryException;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits in real time, woken at once by every store; fires {@code on_interval} per interval. With a
 * stall probe (see {@link InMemoryBackend#stallReason}) it also looks, every {@link #PROBE_EVERY},
 * whether anything can still complete the wait: a wait without timeout that stays stalled for
 * {@link #STALL_GRACE} fails with {@link WouldBlockForeverException}, and a timeout says the
 * reason.
 */
final class RealTimeWaiter implements Waiter {
  /** How long a wait without timeout stays stalled before it gives up. */
  static final Duration STALL_GRACE = Duration.ofMillis(200);

  /** How often a waiting thread asks the probe. */
  static final Duration PROBE_EVERY = Duration.ofMillis(10);

  private final RealTimeSignal signal;
  private final Supplier<String> stallReason;
  private final Duration timeout;
  private final long intervalNanos;
  private final Runnable onInterval;
  private final long deadline;
  private long nextTick;

  /** About 146 years: a wait or an interval this long never ends (System.nanoTime() wraps). */
  private static final long FOREVER = Long.MAX_VALUE / 2;

  /** A waiter; {@code stallReason} may be null when nothing can tell a stall. */
  RealTimeWaiter(RealTimeSignal signal, GetOptions options, Supplier<String> stallReason) {
    this.signal = signal;
    this.stallReason = stallReason;
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
      long stalledSince = 0;
      boolean stalled = false;
      while (!done.getAsBoolean()) {
        long now = System.nanoTime();
        String reason = stallReason == null ? null : stallReason.get();
        if (reason == null) {
          stalled = false;
        } else if (!stalled) {
          stalled = true;
          stalledSince = now;
        }
        if (timeout != null && now - deadline >= 0) {
          throw new ResultTimeoutException(
              "The operation timed out. "
                  + what.get()
                  + " is not ready after "
                  + timeout
                  + " of real time (threaded mode)"
                  + (reason == null ? "" : "; nothing can complete it: " + reason));
        }
        if (timeout == null
            && stalled
            && now - stalledSince >= STALL_GRACE.toNanos()
            && !done.getAsBoolean()) {
          throw new WouldBlockForeverException(
              what.get()
                  + " is not ready and nothing in the app can complete it: "
                  + reason
                  + "; a wait without timeout would block forever. Send or store what completes"
                  + " it, or pass a timeout (threaded mode)");
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
        if (stallReason != null) {
          until = Math.min(until, PROBE_EVERY.toNanos());
        }
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
