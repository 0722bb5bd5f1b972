package io.celerykit.backend;

import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits by driving the virtual clock: runs scheduled events in order until the condition holds,
 * fires {@code on_interval} once per virtual interval, times out in virtual time, and fails at once
 * when nothing scheduled can ever make the condition hold.
 */
final class VirtualWaiter implements Waiter {
  private static final long NONE = Long.MAX_VALUE;

  private final VirtualClock clock;
  private final Duration timeout;
  private final long interval;
  private final Runnable onInterval;
  private final long deadline;
  private long nextTick;

  VirtualWaiter(VirtualClock clock, GetOptions options) {
    this.clock = clock;
    this.timeout = options.timeout();
    this.interval = options.interval().toNanos();
    this.onInterval = options.onInterval();
    long start = clock.nanos();
    this.deadline = timeout == null ? NONE : start + timeout.toNanos();
    this.nextTick = onInterval == null ? NONE : start + interval;
  }

  @Override
  public void await(BooleanSupplier done, Supplier<String> what) {
    while (!done.getAsBoolean()) {
      // Checked before running anything: housekeeping alone cannot complete the wait.
      if (deadline == NONE && !clock.hasPendingProgress()) {
        throw wouldBlockForever(what);
      }
      long event = clock.nextEventNanos();
      if (event != NONE && event <= deadline && event <= nextTick) {
        clock.runNextDueBy(event);
        continue;
      }
      if (nextTick != NONE && nextTick <= deadline) {
        clock.advanceToNanos(Math.max(nextTick, clock.nanos()));
        nextTick += interval;
        onInterval.run();
        continue;
      }
      if (deadline == NONE) {
        // Only progress events beyond the next tick remain; run the next event.
        clock.runNext();
        continue;
      }
      clock.advanceToNanos(Math.max(deadline, clock.nanos()));
      if (done.getAsBoolean()) {
        return;
      }
      throw new ResultTimeoutException(
          "The operation timed out. "
              + what.get()
              + " is not ready after "
              + timeout
              + " of virtual time; run the worker, advance the clock, or wait longer");
    }
  }

  private WouldBlockForeverException wouldBlockForever(Supplier<String> what) {
    return new WouldBlockForeverException(
        what.get()
            + " is not ready and nothing scheduled on the virtual clock can complete it;"
            + " a wait without timeout would block forever. Store a result for it, run a"
            + " task that completes it, or pass a timeout (virtual time now "
            + clock.elapsed()
            + ")");
  }
}
