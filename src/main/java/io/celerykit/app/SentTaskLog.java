package io.celerykit.app;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks the app sent, in order, for {@link InMemoryCelery#sentTasks()} and verification.
 * Bounded as the event journal is: it keeps the last {@link CeleryConfig#sentTaskCapacity()} sends
 * and counts those it dropped; capacity 0 switches it off. One {@link SentTask} per send, made of
 * the message's own fields. It remembers the ids a {@code neverRuns()} stub holds, and, with {@link
 * CeleryConfig#trackResults()}, which sends the worker has not started yet, for strict mode.
 * Thread-safe.
 */
final class SentTaskLog {

  private final int capacity;
  private final ArrayDeque<SentTask> kept = new ArrayDeque<>();
  private final Set<String> notStarted;
  private final Set<String> held;
  private long sent;

  SentTaskLog(int capacity, boolean trackStarts) {
    this.capacity = capacity;
    this.notStarted = trackStarts ? ConcurrentHashMap.newKeySet() : null;
    this.held = ConcurrentHashMap.newKeySet();
  }

  /** Records a send made now, with its place in its group (null outside a group). */
  void record(
      Instant now,
      Message m,
      ApplyOptions options,
      String queue,
      Integer groupIndex,
      boolean eager,
      InMemoryCelery app) {
    if (notStarted != null && !eager) {
      notStarted.add(m.id);
    }
    synchronized (this) {
      long sequence = sent++;
      if (capacity == 0) {
        return;
      }
      if (kept.size() == capacity) {
        kept.removeFirst();
      }
      kept.addLast(new SentTask(sequence, now, m, options, queue, groupIndex, eager, app));
    }
  }

  /** Notes that the worker reached a sent task: it ran, expired or was revoked. */
  void started(String taskId) {
    if (notStarted != null) {
      notStarted.remove(taskId);
    }
  }

  /** Returns how many sent tasks a {@code neverRuns()} stub holds. */
  int heldCount() {
    return held.size();
  }

  /** Notes that the worker received a task that a {@code neverRuns()} stub holds. */
  void heldByStub(String taskId) {
    held.add(taskId);
  }

  /** Tells whether a {@code neverRuns()} stub holds the task. */
  boolean isHeldByStub(String taskId) {
    return held.contains(taskId);
  }

  /** Tells whether the worker has not reached the task yet; false when not tracked. */
  boolean notStarted(String taskId) {
    return notStarted != null && notStarted.contains(taskId);
  }

  /** Tells whether starts are tracked ({@link CeleryConfig#trackResults()}). */
  boolean tracksStarts() {
    return notStarted != null;
  }

  /** Returns the sends kept, oldest first, with the count of those dropped. */
  synchronized SentTasks snapshot() {
    return new SentTasks(List.copyOf(kept), sent - kept.size(), capacity);
  }
}
