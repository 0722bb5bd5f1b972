package io.celerykit.backend;

import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import java.time.Instant;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Expiry times of stored results and groups ({@code result_expires}), purged lazily whenever the
 * backend is read: an entry is removed once the virtual clock has passed its time, unless a newer
 * value was stored under the same id since. Costs one volatile read per read when nothing is due.
 */
final class ExpiryQueue {

  /** One stored value and when it expires. */
  private record Expiry(Instant at, long sequence, String id, Object stored, boolean group)
      implements Comparable<Expiry> {
    @Override
    public int compareTo(Expiry other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final PriorityQueue<Expiry> queue = new PriorityQueue<>();
  private volatile Instant next;
  private long sequence;

  synchronized void add(Instant at, String id, Object stored, boolean group) {
    queue.add(new Expiry(at, sequence++, id, stored, group));
    next = queue.peek().at();
  }

  void purge(VirtualClock clock, Map<String, TaskMeta> metas, Map<String, ResultTuple> groups) {
    Instant due = next;
    if (due == null || clock.now().isBefore(due)) {
      return;
    }
    synchronized (this) {
      Instant now = clock.now();
      while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
        Expiry e = queue.poll();
        if (e.group()) {
          groups.remove(e.id(), e.stored());
        } else {
          metas.remove(e.id(), e.stored());
        }
      }
      next = queue.isEmpty() ? null : queue.peek().at();
    }
  }

  synchronized void clear() {
    queue.clear();
    next = null;
  }
}
