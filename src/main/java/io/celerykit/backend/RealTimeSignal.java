package io.celerykit.backend;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes real-time waiters when anything is stored; costs one volatile read when none wait. */
final class RealTimeSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stored = lock.newCondition();
  private final AtomicInteger waiting = new AtomicInteger();

  void wakeAll() {
    if (waiting.get() > 0) {
      lock.lock();
      try {
        stored.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  void enter() {
    waiting.incrementAndGet();
  }

  void leave() {
    waiting.decrementAndGet();
  }

  /** Waits up to {@code nanos} unless {@code done} already holds; returns at once if it does. */
  void awaitUnless(java.util.function.BooleanSupplier done, long nanos)
      throws InterruptedException {
    lock.lock();
    try {
      if (!done.getAsBoolean()) {
        stored.await(nanos, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }
}
