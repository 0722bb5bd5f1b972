package io.celerykit.backend;

import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits by driving the virtual clock: runs scheduled events in order until the condition holds,
 * fires {@code on_interval} once per virtual interval, times out in virtual time, and fails at once
 * when nothing scheduled can ever make the condition hold.
 */
final class VirtualWaiter implements Waiter {
  private final VirtualClock clock;
  private final Duration timeout;
  private final Duration interval;
  private final Runnable onInterval;
  private final Instant start;
  private final Instant deadline;
  private Instant nextTick;

  VirtualWaiter(VirtualClock clock, GetOptions options) {
    this.clock = clock;
    this.timeout = options.timeout();
    this.interval = options.interval();
    this.onInterval = options.onInterval();
    this.start = clock.now();
    this.deadline = timeout == null ? null : start.plus(timeout);
    this.nextTick = onInterval == null ? null : start.plus(interval);
  }

  @Override
  public void await(BooleanSupplier done, Supplier<String> what) {
    while (!done.getAsBoolean()) {
      // Checked before running anything: housekeeping (result expiry) cannot complete a result,
      // so a wait without timeout must not move the clock to it.
      if (deadline == null && !clock.hasPendingProgress()) {
        throw new WouldBlockForeverException(
            what.get()
                + " is not ready and nothing scheduled on the virtual clock can complete it;"
                + " a wait without timeout would block forever. Store a result for it, run a"
                + " task that completes it, or pass a timeout (virtual time now "
                + clock.elapsed()
                + ")");
      }
      Instant event = clock.nextEventTime();
      boolean eventInTime = event != null && (deadline == null || !event.isAfter(deadline));
      if (eventInTime && (nextTick == null || !event.isAfter(nextTick))) {
        clock.runNextDueBy(event);
        continue;
      }
      if (nextTick != null && (deadline == null || !nextTick.isAfter(deadline))) {
        clock.advanceTo(max(nextTick, clock.now()));
        nextTick = nextTick.plus(interval);
        onInterval.run();
        continue;
      }
      if (deadline == null) {
        // Only progress events beyond the next tick remain; run the next event.
        clock.runNext();
        continue;
      }
      clock.advanceTo(max(deadline, clock.now()));
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

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
