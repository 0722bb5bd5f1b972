package io.celerykit.backend;

import io.celerykit.internal.TimeMath;
import io.celerykit.result.CeleryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

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
 * <p>Thread-safe, and several threads that drive it at once get what a serial run gives: events run
 * on the thread that advances the clock (or waits on it), outside the clock's lock; an event due
 * now runs at once on any thread, but the clock moves forward only while no other thread is running
 * an event, because that event may still schedule one due now or complete the result a wait is for.
 * A thread that would move the clock waits for those events to end first. (So a task body must not
 * block on a lock that a thread waiting on this clock holds.)
 *
 * <p>The clock spans {@code Long.MAX_VALUE} nanoseconds (about 292 years) from its start, up to
 * {@link #endOfTime()}: a delay or an advance that reaches further saturates there, and a wait
 * whose timeout reaches further never times out.
 */
public final class VirtualClock extends Clock {

  /**
   * Where every virtual clock starts unless told otherwise: 2026-01-01T00:00:00Z (from its epoch
   * second: parsing the text would set up {@code java.time}'s formatters in every fresh JVM).
   */
  public static final Instant DEFAULT_START = Instant.ofEpochSecond(1_767_225_600L);

  /** The end of time in virtual nanoseconds since the start: the clock never moves past it. */
  static final long END = Long.MAX_VALUE;

  private static final BooleanSupplier NOT_DONE = () -> false;

  private final Instant start;

  /** Events due later than when they were scheduled, by (time, sequence). */
  private final PriorityQueue<ScheduledEvent> queue = new PriorityQueue<>();

  /**
   * Events scheduled for the very time they were scheduled at, in sequence order: the common case
   * (a task due now), kept out of the heap. Every event here is due at or before every later event
   * in it, and the earliest of both lanes runs first, so the order is (time, sequence).
   */
  private final java.util.ArrayDeque<ScheduledEvent> dueNow = new java.util.ArrayDeque<>();

  /** How deep the current thread is in events of this clock (an event can drive the clock). */
  private final ThreadLocal<Runner> runner = ThreadLocal.withInitial(Runner::new);

  private volatile long nowNanos;

  /**
   * {@link #now()} as an object, made once per move of the clock, so reading it allocates nothing.
   */
  private volatile Instant nowInstant;

  private long sequence;
  private int pendingProgress;

  /**
   * Threads inside an event of this clock that are executing now: not parked in a wait of their own
   * (see {@link #park()}).
   */
  private int running;

  /** Threads inside an event that were parked and have been woken, but have not resumed yet. */
  private int waking;

  /** Threads inside an event that are parked and wait to be woken. */
  private final java.util.List<Runner> parkedRunners = new java.util.ArrayList<>();

  /** Threads parked in {@link #park()}, inside an event or not. */
  private int parked;

  /** One thread's depth in the events of this clock, and whether it is parked or being woken. */
  private static final class Runner {
    private int depth;
    private boolean parked;
  }

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

  /**
   * Returns the end of time: the start plus {@code Long.MAX_VALUE} nanoseconds (about 292 years).
   * The clock never moves past it; an event due later is due then.
   *
   * @return the last instant the clock can show
   */
  public Instant endOfTime() {
    return start.plusNanos(END);
  }

  /** Virtual nanoseconds since the start at an instant, saturated to the clock's span. */
  long nanosOf(Instant instant) {
    return TimeMath.nanosBetween(start, instant);
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
   * Schedules an action {@code delay} after now; a delay that reaches past {@link #endOfTime()}
   * schedules it at the end of time.
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
      return enqueue(TimeMath.add(nowNanos, TimeMath.nanos(delay)), action, true);
    }
  }

  /**
   * Schedules an action at an instant; an instant in the past runs at the current time, next; one
   * past {@link #endOfTime()} runs at the end of time.
   *
   * @param at the instant
   * @param action the action
   * @return the event, which can be cancelled
   */
  public ScheduledEvent scheduleAt(Instant at, Runnable action) {
    Objects.requireNonNull(at, "at");
    synchronized (this) {
      return enqueue(Math.max(nanosOf(at), nowNanos), action, true);
    }
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
      return enqueue(TimeMath.add(nowNanos, TimeMath.nanos(delay)), action, false);
    }
  }

  /**
   * Tells whether anything can still make progress: a pending event that is not housekeeping, or an
   * event another thread is running now (it may schedule more, or complete a result).
   *
   * @return true when a progress event is pending or another thread runs an event
   */
  public synchronized boolean hasPendingProgress() {
    return pendingProgress > 0 || othersBusy() > 0;
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
   * Advances the clock by {@code duration}, running every event due on the way in order; a duration
   * that reaches past {@link #endOfTime()} stops the clock there. While another thread runs an
   * event, the clock waits for it before it moves (that event may schedule more now).
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
      target = TimeMath.add(nowNanos, TimeMath.nanos(duration));
    }
    advanceToNanos(target);
  }

  /**
   * Advances the clock to an instant, running every event due on the way in order; an instant past
   * {@link #endOfTime()} stops the clock there.
   *
   * @param instant the instant; one in the past is an error
   */
  public void advanceTo(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    long target = nanosOf(instant);
    synchronized (this) {
      if (target < nowNanos) {
        throw new IllegalArgumentException(
            "virtual time only moves forward; " + instant + " is before now (" + now() + ")");
      }
    }
    advanceToNanos(target);
  }

  void advanceToNanos(long target) {
    while (step(target, true, false, NOT_DONE) != Step.REACHED) {
      // run every event due by the target, in order
    }
  }

  /**
   * Runs the earliest pending event, moving the clock to its time. While another thread runs an
   * event, waits for it first (it may schedule an earlier one).
   *
   * @return false when no event is pending
   */
  public boolean runNext() {
    return runNextDueBy(END);
  }

  /**
   * Runs the earliest pending event if it is due at or before an instant.
   *
   * @param deadline the latest time the event may be at
   * @return true if an event ran
   */
  public boolean runNextDueBy(Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    return runNextDueBy(nanosOf(deadline));
  }

  boolean runNextDueBy(long deadlineNanos) {
    while (true) {
      Step step = step(deadlineNanos, false, false, NOT_DONE);
      if (step != Step.WAITED) {
        return step == Step.RAN;
      }
    }
  }

  /** What one {@link #step} did. */
  enum Step {
    /** Ran an event (the clock may have moved to its time). */
    RAN,
    /** Waited for an event another thread was running; nothing else changed. */
    WAITED,
    /** The caller's condition held; nothing ran. */
    DONE,
    /** Nothing was due by the limit; the clock is at the limit now. */
    REACHED,
    /** Nothing was due by the limit, and the clock was not asked to move. */
    IDLE,
    /** Only housekeeping is pending, so nothing can ever make the caller's condition hold. */
    BLOCKED
  }

  /**
   * Does one step of the simulation towards {@code limit}, atomically with respect to every other
   * thread that uses this clock:
   *
   * <ol>
   *   <li>an event due now runs at once (the clock does not move);
   *   <li>while another thread is busy in an event, this one waits ({@link Step#WAITED}): that
   *       event may schedule one due now, or complete what the caller waits for, so moving the
   *       clock, timing out or giving up before it ends could differ from a serial run;
   *   <li>then, with no other thread busy: {@link Step#DONE} when {@code done} holds; {@link
   *       Step#BLOCKED} when {@code needProgress} and no progress event is pending; the earliest
   *       event due by the limit runs, the clock moving to it; else the clock moves to the limit
   *       when {@code reach} ({@link Step#REACHED}), or {@link Step#IDLE}.
   * </ol>
   *
   * <p>Events run on the calling thread, outside the clock's lock.
   */
  Step step(long limit, boolean reach, boolean needProgress, BooleanSupplier done) {
    ScheduledEvent next;
    synchronized (this) {
      next = peekLive();
      if (next == null || next.atNanos() > nowNanos || next.atNanos() > limit) {
        if (othersBusy() > 0) {
          park();
          return Step.WAITED;
        }
        if (done.getAsBoolean()) {
          return Step.DONE;
        }
        if (needProgress && pendingProgress == 0) {
          return Step.BLOCKED;
        }
        if (next == null || next.atNanos() > limit) {
          if (!reach) {
            return Step.IDLE;
          }
          if (nowNanos < limit) {
            moveTo(limit);
          }
          return Step.REACHED;
        }
      }
      take(next);
    }
    try {
      next.run();
    } finally {
      finished();
    }
    return Step.RAN;
  }

  /** Takes an event off its lane and counts this thread as running it; under the lock. */
  private void take(ScheduledEvent next) {
    taken(next == dueNow.peek() ? dueNow.poll() : queue.poll());
    if (next.atNanos() > nowNanos) {
      moveTo(next.atNanos());
    }
    Runner me = runner.get();
    if (me.depth++ == 0) {
      running++;
    }
  }

  /** Counts the event this thread ran as done, waking whoever waits for it. */
  private synchronized void finished() {
    Runner me = runner.get();
    if (--me.depth == 0) {
      running--;
      settle();
    }
  }

  /**
   * Once no thread is busy in an event, wakes every parked thread; those parked inside an event of
   * their own count as busy until they resume, for what they will do next (complete a result,
   * schedule an event) must come before anyone else moves the clock or gives up. Under the lock.
   */
  private void settle() {
    if (running + waking > 0) {
      return;
    }
    for (Runner r : parkedRunners) {
      r.parked = false;
    }
    waking += parkedRunners.size();
    parkedRunners.clear();
    if (parked > 0) {
      notifyAll();
    }
  }

  /** How many other threads are busy in an event: executing one, or woken to resume one. */
  private int othersBusy() {
    return running + waking - (runner.get().depth > 0 ? 1 : 0);
  }

  /**
   * Waits until no other thread is busy in an event; under the lock, while another thread is busy.
   * A thread that parks inside an event of its own is not busy meanwhile, so that two such threads
   * never wait for each other; it is busy again from the moment it is woken.
   */
  private void park() {
    Runner me = runner.get();
    boolean inEvent = me.depth > 0;
    if (inEvent) {
      // Someone else is busy (that is why this thread parks), so this cannot settle anything.
      running--;
      me.parked = true;
      parkedRunners.add(me);
    }
    parked++;
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CeleryException(
          "interrupted while waiting for an event another thread runs on the virtual clock", e);
    } finally {
      parked--;
      if (inEvent) {
        if (me.parked) {
          // woken by no one (a spurious wake-up, or an interrupt)
          parkedRunners.remove(me);
          me.parked = false;
        } else {
          waking--;
        }
        running++;
      }
    }
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
