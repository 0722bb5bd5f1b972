package io.celerykit.bench;

import java.util.Random;
import java.util.UUID;

/** Task ids for the benchmarks: UUID strings, as Celery makes them, from a fixed seed. */
final class Ids {
  private Ids() {}

  /**
   * Returns {@code n} distinct UUID-shaped task ids, the same ones every run.
   *
   * @param n how many
   * @param seed the seed
   * @return the ids
   */
  static String[] uuids(int n, long seed) {
    Random random = new Random(seed);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = new UUID(random.nextLong(), random.nextLong()).toString();
    }
    return ids;
  }
}
