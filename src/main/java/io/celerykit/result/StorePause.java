package io.celerykit.result;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The pause between two reads of a store that is waited on, in real time: at most one {@code
 * interval}, cut short by the store's notification ({@link #wake()}); {@code on_interval} runs once
 * per interval, before the pause, as in Celery's {@code SyncBackendMixin.wait_for}; the timeout
 * counts from the pause's creation. Parks the waiting thread; never sleeps.
 */
final class StorePause {
  private final Thread waiter = Thread.currentThread();
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private final Duration timeout;
  private final long timeoutNanos;
  private final long intervalNanos;
  private final Runnable onInterval;
  private final long start = System.nanoTime();
  private long nextTick = start;
  private volatile boolean woken;

  StorePause(GetOptions options) {
    this.timeout = options.timeout();
    this.timeoutNanos = timeout == null ? Long.MAX_VALUE : nanos(timeout);
    this.intervalNanos = nanos(options.interval());
    this.onInterval = options.onInterval();
  }

  /** Ends the current (or the next) pause at once; called by the store's notifications. */
  void wake() {
    woken = true;
    LockSupport.unpark(waiter);
  }

  /**
   * Returns after the pause (or at once when woken since the last one), to read the store again.
   *
   * @param what what is awaited, for the timeout's message
   * @throws ResultTimeoutException once the timeout has passed
   */
  void await(Supplier<String> what) {
    while (true) {
      long now = System.nanoTime();
      long left = timeout == null ? Long.MAX_VALUE : timeoutNanos - (now - start);
      if (left <= 0) {
        throw new ResultTimeoutException(
            "The operation timed out. " + what.get() + " is not ready after " + timeout);
      }
      if (now - nextTick >= 0) {
        nextTick = now + intervalNanos;
        if (onInterval != null) {
          onInterval.run();
        }
      }
      if (woken) {
        woken = false;
        return;
      }
      LockSupport.parkNanos(this, Math.min(left, nextTick - now));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new CeleryException("interrupted while waiting for " + what.get());
      }
      if (woken || System.nanoTime() - nextTick >= 0) {
        woken = false;
        return;
      }
    }
  }

  /** Nanoseconds of a duration, at most {@code Long.MAX_VALUE} (some 292 years). */
  private static long nanos(Duration duration) {
    return duration.compareTo(LONGEST) > 0 ? Long.MAX_VALUE : duration.toNanos();
  }
}
