package io.celerykit.app;

import io.celerykit.backend.VirtualClock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves a threaded app's virtual clock with real time, so that countdowns, ETAs, {@code expires},
 * retry delays and {@code takes(...)} durations pass in threaded mode as they would on a real
 * worker: every {@link #TICK} a timer thread advances the clock by the real time elapsed since the
 * tick before, running what came due. Advancing the clock by hand still works and adds to it. A
 * failure of an event it ran is kept for reports (see {@link #failure()}); the timer goes on.
 */
final class RealTimeDriver implements AutoCloseable {

  /** How often the clock is moved on. */
  static final Duration TICK = Duration.ofMillis(5);

  private final VirtualClock clock;
  private final ScheduledExecutorService timer;
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private long last;

  RealTimeDriver(VirtualClock clock) {
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "celerykit-clock");
              t.setDaemon(true);
              return t;
            });
    this.last = System.nanoTime();
    long tick = TICK.toNanos();
    timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.NANOSECONDS);
  }

  private void tick() {
    long now = System.nanoTime();
    long elapsed = now - last;
    last = now;
    try {
      clock.advance(Duration.ofNanos(elapsed));
    } catch (RuntimeException eventFailed) {
      // An event of the test's own (or a task body run at its due time) failed: keep the first
      // failure for the reports and keep time moving for everything else.
      failure.compareAndSet(null, eventFailed);
    }
  }

  /** Returns the first failure of an event the timer ran, or null. */
  RuntimeException failure() {
    return failure.get();
  }

  /** Stops the timer thread. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
