package io.celerykit.bench;

import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.Locale;

/**
 * Heap retained by an {@link InMemoryBackend} holding 1,000,000 small SUCCESS results (not a JMH
 * benchmark: run it with {@code java -cp benchmarks.jar io.celerykit.bench.MemoryFootprint [n]}).
 *
 * <p>Each result has a UUID string id, an {@code Integer} value {@code i % 1000} (so most are
 * objects of their own, not from the small-integer cache) and its own {@code date_done} instant.
 * Heap use is read from the {@link MemoryMXBean} after repeated {@code System.gc()} calls, before
 * anything is made and after everything is stored and the input arrays are dropped, so the
 * difference is what the backend retains: the metas, ids, values, instants and the map.
 *
 * <p>Target: at most 300 MB for 1,000,000 results.
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  /**
   * Stores the results and prints the heap they take.
   *
   * @param args optional count of results (default 1,000,000)
   * @throws InterruptedException if interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    long before = usedAfterGc(memory);
    String[] ids = Ids.uuids(n, 4);
    Instant start = VirtualClock.DEFAULT_START;
    InMemoryBackend backend = new InMemoryBackend(new VirtualClock());
    for (int i = 0; i < n; i++) {
      backend.store(
          TaskMeta.builder(ids[i], TaskState.SUCCESS)
              .result(Integer.valueOf(i % 1000))
              .dateDone(start.plusMillis(i))
              .build());
    }
    ids = null;
    long after = usedAfterGc(memory);
    if (backend.size() != n) {
      throw new IllegalStateException("stored " + backend.size() + " of " + n);
    }
    long total = after - before;
    System.out.printf(
        Locale.ROOT,
        "MemoryFootprint: %,d SUCCESS results stored; heap used before %.1f MB, after %.1f MB%n",
        n,
        before / 1e6,
        after / 1e6);
    System.out.printf(
        Locale.ROOT,
        "MemoryFootprint: total %.1f MB (%.1f MiB), %.1f bytes per result (target <= 300 MB)%n",
        total / 1e6,
        total / (1024.0 * 1024.0),
        (double) total / n);
    Reference.reachabilityFence(backend);
  }

  /** Collects until heap use stops falling, then returns it. */
  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      System.gc();
      Thread.sleep(100);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= best && round >= 3) {
        return Math.min(best, used);
      }
      best = Math.min(best, used);
    }
    return best;
  }
}
