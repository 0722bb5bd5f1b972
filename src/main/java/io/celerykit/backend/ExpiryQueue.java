package io.celerykit.backend;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Expiry times of stored results and groups ({@code result_expires}), purged lazily whenever the
 * backend is read: an entry's removal runs once the virtual clock has passed its time. Keeping
 * expiry out of the clock's event queue means waits never drive the clock for it, and a long
 * simulation's clock queue does not grow with every stored result. Costs one volatile read per
 * read when nothing is due.
 */
final class ExpiryQueue {

  /** One removal and when it is due. */
  private record Expiry(Instant at, long sequence, Runnable removal) implements Comparable<Expiry> {
    @Override
    public int compareTo(Expiry other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final PriorityQueue<Expiry> queue = new PriorityQueue<>();
  private volatile Instant next;
  private long sequence;

  synchronized void add(Instant at, Runnable removal) {
    queue.add(new Expiry(at, sequence++, removal));
    next = queue.peek().at();
  }

  void purge(VirtualClock clock) {
    Instant due = next;
    if (due == null || clock.now().isBefore(due)) {
      return;
    }
    synchronized (this) {
      Instant now = clock.now();
      while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
        queue.poll().removal().run();
      }
      next = queue.isEmpty() ? null : queue.peek().at();
    }
  }

  synchronized void clear() {
    queue.clear();
    next = null;
  }
}
