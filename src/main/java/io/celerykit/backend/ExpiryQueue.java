package io.celerykit.backend;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The stores of results and groups that expire ({@code result_expires}), purged lazily whenever the
 * backend is read: a store leaves its map once the virtual clock has passed its time. Keeping
 * expiry out of the clock's event queue means waits never drive the clock for it, and a long
 * simulation's clock queue does not grow with every stored result. Costs one volatile read per read
 * when nothing is due.
 *
 * <p>With one time to live, stores expire in the order they were made, so they queue in a FIFO
 * (constant time); a store due before the last one queued (the time to live was shortened) goes to
 * a heap. Stores replaced or forgotten before they expire stay queued without their value and are
 * swept out once they outnumber the live ones, so the queue stays proportional to what is stored.
 */
final class ExpiryQueue {

  private static final int SWEEP_FLOOR = 1024;

  /**
   * Orders the heap by expiry. A class rather than a lambda: the heap is made with every app, and a
   * lambda of its own shape costs a fresh JVM a few milliseconds of method-handle set-up.
   */
  private static final class ByExpiry implements Comparator<StoredEntry.Expiring<?>> {
    @Override
    public int compare(StoredEntry.Expiring<?> a, StoredEntry.Expiring<?> b) {
      return Long.compare(a.expiresAtNanos, b.expiresAtNanos);
    }
  }

  private static final Comparator<StoredEntry.Expiring<?>> BY_EXPIRY = new ByExpiry();

  private final ArrayDeque<StoredEntry.Expiring<?>> inOrder = new ArrayDeque<>();
  private final PriorityQueue<StoredEntry.Expiring<?>> outOfOrder = new PriorityQueue<>(BY_EXPIRY);
  private volatile long next = Long.MAX_VALUE;
  private long lastQueued = Long.MIN_VALUE;
  private int dead;

  /** Queues a store that expires. */
  synchronized void add(StoredEntry.Expiring<?> entry) {
    if (entry.expiresAtNanos >= lastQueued) {
      inOrder.addLast(entry);
      lastQueued = entry.expiresAtNanos;
    } else {
      outOfOrder.add(entry);
    }
    if (entry.expiresAtNanos < next) {
      next = entry.expiresAtNanos;
    }
  }

  /**
   * Notes that a queued store left its map before its time (replaced or forgotten); sweeps the
   * queue when such stores are the majority.
   */
  synchronized void removedEarly() {
    dead++;
    int size = inOrder.size() + outOfOrder.size();
    if (dead > SWEEP_FLOOR && dead > size / 2) {
      inOrder.removeIf(e -> !e.isLive());
      outOfOrder.removeIf(e -> !e.isLive());
      dead = 0;
    }
  }

  /** Removes every store whose time has come. */
  void purge(VirtualClock clock) {
    if (clock.nanos() < next) {
      return;
    }
    synchronized (this) {
      long now = clock.nanos();
      expireDue(inOrder.peekFirst(), now, true);
      expireDue(outOfOrder.peek(), now, false);
      next = Math.min(earliest(inOrder.peekFirst()), earliest(outOfOrder.peek()));
    }
  }

  private void expireDue(StoredEntry.Expiring<?> head, long now, boolean fifo) {
    while (head != null && head.expiresAtNanos <= now) {
      if (fifo) {
        inOrder.pollFirst();
      } else {
        outOfOrder.poll();
      }
      if (head.isLive()) {
        head.expire();
      } else if (dead > 0) {
        dead--;
      }
      head = fifo ? inOrder.peekFirst() : outOfOrder.peek();
    }
  }

  private static long earliest(StoredEntry.Expiring<?> head) {
    return head == null ? Long.MAX_VALUE : head.expiresAtNanos;
  }

  /** How many stores are queued, live or not yet swept. */
  synchronized int size() {
    return inOrder.size() + outOfOrder.size();
  }

  /** Forgets every queued store. */
  synchronized void clear() {
    inOrder.clear();
    outOfOrder.clear();
    next = Long.MAX_VALUE;
    lastQueued = Long.MIN_VALUE;
    dead = 0;
  }
}
