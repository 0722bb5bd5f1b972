package io.celerykit.backend;

import io.celerykit.internal.TimeMath;
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
 *
 * <p>Several threads may wait on one clock at once: each step is taken atomically by the clock
 * ({@link VirtualClock#step}), which lets no wait move the clock, time out or give up while an
 * event another thread runs may still complete it. A timeout or an interval that reaches past the
 * clock's {@link VirtualClock#endOfTime() end of time} never passes.
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
    this.interval = TimeMath.nanos(options.interval());
    this.onInterval = options.onInterval();
    long start = clock.nanos();
    this.deadline = timeout == null ? NONE : within(start, TimeMath.nanos(timeout));
    this.nextTick = onInterval == null ? NONE : within(start, interval);
  }

  /** The time {@code nanos} after {@code from}, or NONE when that lies past the end of time. */
  private static long within(long from, long nanos) {
    return nanos > VirtualClock.END - from ? NONE : from + nanos;
  }

  @Override
  public void await(BooleanSupplier done, Supplier<String> what) {
    while (!done.getAsBoolean()) {
      long limit = Math.min(deadline, nextTick);
      VirtualClock.Step step = clock.step(limit, limit != NONE, deadline == NONE, done);
      switch (step) {
        case RAN, WAITED:
          break;
        case DONE:
          return;
        case REACHED:
          if (nextTick != NONE && nextTick <= deadline) {
            nextTick = within(nextTick, interval);
            onInterval.run();
            break;
          }
          if (done.getAsBoolean()) {
            return;
          }
          throw new ResultTimeoutException(
              "The operation timed out. "
                  + what.get()
                  + " is not ready after "
                  + timeout
                  + " of virtual time; run the worker, advance the clock, or wait longer");
        case BLOCKED, IDLE:
        default:
          // Housekeeping alone cannot complete the wait, and nothing else is pending or running.
          throw wouldBlockForever(what);
      }
    }
  }

  private WouldBlockForeverException wouldBlockForever(Supplier<String> what) {
    String why =
        timeout == null
            ? " a wait without timeout would block forever."
            : " the timeout of "
                + timeout
                + " reaches past the virtual clock's end of time ("
                + clock.endOfTime()
                + "), so it would block forever.";
    return new WouldBlockForeverException(
        what.get()
            + " is not ready and nothing scheduled on the virtual clock can complete it;"
            + why
            + " Store a result for it, run a task that completes it, or pass a timeout (virtual"
            + " time now "
            + clock.elapsed()
            + ")");
  }
}
