package io.celerykit.backend;

import java.time.Instant;

/**
 * An action scheduled on a {@link VirtualClock}; {@link #cancel()} keeps it from running. Ordered
 * by time, then by the order of scheduling.
 */
public final class ScheduledEvent implements Comparable<ScheduledEvent> {
  private final VirtualClock owner;
  private final boolean progress;
  private final Instant start;
  private final long atNanos;
  private final long sequence;
  private final Runnable action;
  private volatile boolean cancelled;
  private volatile boolean ran;
  private boolean taken;

  ScheduledEvent(
      VirtualClock owner,
      boolean progress,
      Instant start,
      long atNanos,
      long sequence,
      Runnable action) {
    this.owner = owner;
    this.progress = progress;
    this.start = start;
    this.atNanos = atNanos;
    this.sequence = sequence;
    this.action = action;
  }

  /**
   * Returns the virtual instant the event is due at.
   *
   * @return the instant
   */
  public Instant at() {
    return start.plusNanos(atNanos);
  }

  /** Keeps the event from running; cancelling twice, or after it ran, does nothing. */
  public void cancel() {
    owner.cancel(this);
  }

  /** Marks the event cancelled; the owner calls it under its lock. Returns whether it was live. */
  boolean markCancelled() {
    if (ran || cancelled) {
      return false;
    }
    cancelled = true;
    return !taken;
  }

  /**
   * Marks the event taken off the queue; the owner calls it under its lock. Returns whether it
   * counted.
   */
  boolean markTaken() {
    boolean counted = !taken && !cancelled;
    taken = true;
    return counted;
  }

  /**
   * Tells whether the event was cancelled.
   *
   * @return true when cancelled
   */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Tells whether the event can make progress (run or complete a task), as opposed to housekeeping
   * such as result expiry, which a wait without timeout does not count on.
   *
   * @return true for a progress event
   */
  public boolean isProgress() {
    return progress;
  }

  long atNanos() {
    return atNanos;
  }

  void run() {
    if (!cancelled && !ran) {
      ran = true;
      action.run();
    }
  }

  /**
   * Orders by time, then by scheduling order.
   *
   * @param other the other event
   * @return the comparison
   */
  @Override
  public int compareTo(ScheduledEvent other) {
    int byTime = Long.compare(atNanos, other.atNanos);
    return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
  }

  /**
   * Describes the event.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return "ScheduledEvent[at="
        + at()
        + ", seq="
        + sequence
        + (ran ? ", done" : cancelled ? ", cancelled" : "")
        + "]";
  }
}
