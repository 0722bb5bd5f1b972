package io.celerykit.app;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Task ids: version-4 UUIDs from a seeded sequence, so two runs of a test get the same ids. */
final class TaskIds {
  private final AtomicLong sequence = new AtomicLong();

  /** Returns the next id. */
  String next() {
    long n = sequence.getAndIncrement();
    long hi = mix(0x5eedL + 2 * n);
    long lo = mix(0x5eedL + 2 * n + 1);
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /** SplitMix64's finalizer: spreads a sequence number over 64 bits, the same on every run. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
