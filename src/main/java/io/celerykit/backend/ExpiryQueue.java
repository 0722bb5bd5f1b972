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
  private record Expiry(long at, long sequence, Runnable removal) implements Comparable<Expiry> {
    @Override
    public int compareTo(Expiry other) {
      int byTime = Long.compare(at, other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final PriorityQueue<Expiry> queue = new PriorityQueue<>();
  private volatile long next = Long.MAX_VALUE;
  private long sequence;

  synchronized void add(VirtualClock clock, Instant at, Runnable removal) {
    queue.add(new Expiry(clock.nanosOf(at), sequence++, removal));
    next = queue.peek().at();
  }

  void purge(VirtualClock clock) {
    if (clock.nanos() < next) {
      return;
    }
    synchronized (this) {
      long now = clock.nanos();
      while (!queue.isEmpty() && queue.peek().at() <= now) {
        queue.poll().removal().run();
      }
      next = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at();
    }
  }

  synchronized void clear() {
    queue.clear();
    next = Long.MAX_VALUE;
  }
}
