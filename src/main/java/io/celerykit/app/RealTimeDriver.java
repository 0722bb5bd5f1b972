package io.celerykit.app;

import io.celerykit.backend.VirtualClock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves a threaded app's virtual clock with real time while something is due later, so that
 * countdowns, ETAs, {@code expires}, retry delays and {@code takes(...)} durations pass in threaded
 * mode as they would on a real worker: once the worker schedules such an event ({@link #wake()}), a
 * timer thread advances the clock every {@link #TICK} by the real time elapsed, running what came
 * due, until no task, retry or completion is scheduled any more; then it sleeps on nothing and
 * costs nothing. Advancing the clock by hand still works and adds to it. A failure of an event it
 * ran is kept for reports (see {@link #failure()}); the timer goes on.
 */
final class RealTimeDriver implements AutoCloseable {

  /** How often the clock is moved on while something is due later. */
  static final Duration TICK = Duration.ofMillis(5);

  private final VirtualClock clock;
  private final ScheduledExecutorService timer;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private volatile long last;

  RealTimeDriver(VirtualClock clock) {
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "celerykit-clock");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts moving the clock, if it is not moving yet: the worker scheduled something. */
  void wake() {
    if (running.compareAndSet(false, true)) {
      last = System.nanoTime();
      schedule();
    }
  }

  private void schedule() {
    try {
      timer.schedule(this::tick, TICK.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // the app was closed: nothing is left to drive
      running.set(false);
    }
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
    if (clock.hasPendingProgress()) {
      schedule();
      return;
    }
    running.set(false);
    // Something scheduled between the check and the reset must not be left waiting.
    if (clock.hasPendingProgress()) {
      wake();
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
