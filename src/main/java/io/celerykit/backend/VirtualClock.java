package io.celerykit.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Virtual time for one app: a {@link Clock} that stands still until it is advanced, and the
 * scheduler of timed events (countdowns, ETAs, retry delays, task durations, expiry) that the
 * worker and the backend's waits share. Events run in (time, sequence) order, so the same test
 * gives the same order every run.
 *
 * <pre>{@code
 * VirtualClock clock = new VirtualClock();
 * clock.schedule(Duration.ofSeconds(3), () -> backend.store(TaskMeta.success("t", 1)));
 * clock.advance(Duration.ofSeconds(5));   // runs the event at t=3s, ends at t=5s
 * }</pre>
 *
 * <p>Thread-safe. Events run on the thread that advances the clock, outside the clock's lock.
 */
public final class VirtualClock extends Clock {

  /** Where every virtual clock starts unless told otherwise: 2026-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final Instant start;

  /** Events due later than when they were scheduled, by (time, sequence). */
  private final PriorityQueue<ScheduledEvent> queue = new PriorityQueue<>();

  /**
   * Events scheduled for the very time they were scheduled at, in sequence order: the common case
   * (a task due now), kept out of the heap. Every event here is due at or before every later event
   * in it, and the earliest of both lanes runs first, so the order is (time, sequence).
   */
  private final java.util.ArrayDeque<ScheduledEvent> dueNow = new java.util.ArrayDeque<>();

  private volatile long nowNanos;

  /**
   * {@link #now()} as an object, made once per move of the clock, so reading it allocates nothing.
   */
  private volatile Instant nowInstant;

  private long sequence;
  private int pendingProgress;

  /** Creates a clock at {@link #DEFAULT_START}. */
  public VirtualClock() {
    this(DEFAULT_START);
  }

  /**
   * Creates a clock at a start instant.
   *
   * @param start the instant the clock shows before it is advanced
   */
  public VirtualClock(Instant start) {
    this.start = Objects.requireNonNull(start, "start");
    this.nowInstant = start;
  }

  /**
   * Returns the current virtual instant.
   *
   * @return now
   */
  public Instant now() {
    return nowInstant;
  }

  /** Moves the clock; called under the clock's lock. */
  private void moveTo(long nanos) {
    nowInstant = start.plusNanos(nanos);
    nowNanos = nanos;
  }

  /** Returns the virtual time since the start in nanoseconds, without allocating. */
  long nanos() {
    return nowNanos;
  }

  /** Returns the time of the earliest pending event in virtual nanoseconds, or Long.MAX_VALUE. */
  synchronized long nextEventNanos() {
    ScheduledEvent next = peekLive();
    return next == null ? Long.MAX_VALUE : next.atNanos();
  }

  /**
   * Returns the current virtual instant, as {@link Clock#instant()}.
   *
   * @return now
   */
  @Override
  public Instant instant() {
    return now();
  }

  /**
   * Returns how much virtual time has passed since the start.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return Duration.ofNanos(nowNanos);
  }

  /**
   * Returns UTC.
   *
   * @return UTC
   */
  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Returns a view of this clock in another zone (same instants).
   *
   * @param zone the zone
   * @return the view
   */
  @Override
  public Clock withZone(ZoneId zone) {
    VirtualClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.now();
      }
    };
  }

  /**
   * Schedules an action {@code delay} after now.
   *
   * @param delay a non-negative delay
   * @param action the action
   * @return the event, which can be cancelled
   * @throws IllegalArgumentException for a negative delay
   */
  public ScheduledEvent schedule(Duration delay, Runnable action) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          "delay must not be negative, got " + delay + "; use Duration.ZERO to run it next");
    }
    synchronized (this) {
      return enqueue(nowNanos + delay.toNanos(), action);
    }
  }

  /**
   * Schedules an action at an instant; an instant in the past runs at the current time, next.
   *
   * @param at the instant
   * @param action the action
   * @return the event, which can be cancelled
   */
  public ScheduledEvent scheduleAt(Instant at, Runnable action) {
    Objects.requireNonNull(at, "at");
    synchronized (this) {
      long target = Duration.between(start, at).toNanos();
      return enqueue(Math.max(target, nowNanos), action);
    }
  }

  private ScheduledEvent enqueue(long atNanos, Runnable action) {
    return enqueue(atNanos, action, true);
  }

  private ScheduledEvent enqueue(long atNanos, Runnable action, boolean progress) {
    Objects.requireNonNull(action, "action");
    ScheduledEvent event = new ScheduledEvent(this, progress, start, atNanos, sequence++, action);
    if (atNanos == nowNanos) {
      dueNow.add(event);
    } else {
      queue.add(event);
    }
    if (progress) {
      pendingProgress++;
    }
    return event;
  }

  /**
   * Schedules housekeeping {@code delay} after now (for example result expiry): it runs in time
   * order like any event, but a wait without timeout does not count on it to complete a result.
   *
   * @param delay a non-negative delay
   * @param action the action
   * @return the event, which can be cancelled
   */
  public ScheduledEvent scheduleHousekeeping(Duration delay, Runnable action) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, got " + delay);
    }
    synchronized (this) {
      return enqueue(nowNanos + delay.toNanos(), action, false);
    }
  }

  /**
   * Tells whether any pending event can make progress (is not housekeeping).
   *
   * @return true when a progress event is pending
   */
  public synchronized boolean hasPendingProgress() {
    return pendingProgress > 0;
  }

  private void taken(ScheduledEvent event) {
    if (event != null && event.markTaken() && event.isProgress()) {
      pendingProgress--;
    }
  }

  synchronized void cancel(ScheduledEvent event) {
    if (event.markCancelled() && event.isProgress()) {
      pendingProgress--;
    }
  }

  /**
   * Advances the clock by {@code duration}, running every event due on the way in order.
   *
   * @param duration a non-negative duration
   * @throws IllegalArgumentException for a negative duration
   */
  public void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "virtual time only moves forward; advance(" + duration + ") needs a duration >= 0");
    }
    long target;
    synchronized (this) {
      target = nowNanos + duration.toNanos();
    }
    advanceToNanos(target);
  }

  /**
   * Advances the clock to an instant, running every event due on the way in order.
   *
   * @param instant the instant; one in the past is an error
   */
  public void advanceTo(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long target = Duration.between(start, instant).toNanos();
    synchronized (this) {
      if (target < nowNanos) {
        throw new IllegalArgumentException(
            "virtual time only moves forward; " + instant + " is before now (" + now() + ")");
      }
    }
    advanceToNanos(target);
  }

  void advanceToNanos(long target) {
    while (runNextDueBy(target)) {
      // run every event due by the target, in order
    }
    synchronized (this) {
      if (nowNanos < target) {
        moveTo(target);
      }
    }
  }

  /**
   * Runs the earliest pending event, moving the clock to its time.
   *
   * @return false when no event is pending
   */
  public boolean runNext() {
    return runNextDueBy(Long.MAX_VALUE);
  }

  /**
   * Runs the earliest pending event if it is due at or before an instant.
   *
   * @param deadline the latest time the event may be at
   * @return true if an event ran
   */
  public boolean runNextDueBy(Instant deadline) {
    return runNextDueBy(Duration.between(start, deadline).toNanos());
  }

  boolean runNextDueBy(long deadlineNanos) {
    ScheduledEvent next;
    synchronized (this) {
      next = peekLive();
      if (next == null || next.atNanos() > deadlineNanos) {
        return false;
      }
      taken(next == dueNow.peek() ? dueNow.poll() : queue.poll());
      if (next.atNanos() > nowNanos) {
        moveTo(next.atNanos());
      }
    }
    next.run();
    return true;
  }

  private ScheduledEvent peekLive() {
    ScheduledEvent later = queue.peek();
    while (later != null && later.isCancelled()) {
      taken(queue.poll());
      later = queue.peek();
    }
    ScheduledEvent now = dueNow.peek();
    while (now != null && now.isCancelled()) {
      taken(dueNow.poll());
      now = dueNow.peek();
    }
    if (now == null) {
      return later;
    }
    return later == null || now.compareTo(later) < 0 ? now : later;
  }

  /**
   * Returns the time of the earliest pending event, or null when none is pending.
   *
   * @return the instant or null
   */
  public synchronized Instant nextEventTime() {
    ScheduledEvent next = peekLive();
    return next == null ? null : start.plusNanos(next.atNanos());
  }

  /**
   * Returns how many events are pending.
   *
   * @return the count
   */
  public synchronized int pendingEvents() {
    int count = 0;
    for (ScheduledEvent e : queue) {
      if (!e.isCancelled()) {
        count++;
      }
    }
    for (ScheduledEvent e : dueNow) {
      if (!e.isCancelled()) {
        count++;
      }
    }
    return count;
  }

  /**
   * Tells whether any event is pending.
   *
   * @return true when one is
   */
  public boolean hasPendingEvents() {
    return nextEventTime() != null;
  }

  /**
   * Describes the clock: now and the pending event count.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "VirtualClock[now="
        + now()
        + ", elapsed="
        + elapsed()
        + ", pending="
        + pendingEvents()
        + "]";
  }
}
