package io.celerykit.bench.coldstart;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;

/**
 * One app that keeps every result: {@code delay} → the deterministic worker → {@code get}, with
 * {@code CeleryConfig.defaults()}, never forgetting a result, so the backend holds millions of
 * them at the end. A throw-away app runs the same work first ({@code warmup} tasks) so that the
 * JIT has compiled the path; then one app runs {@code tasks} tasks and the figure is their count
 * over the time they took. Prints {@code keep_tasks_per_s=<n>} and the rate of each million.
 *
 * <p>Arguments: {@code [tasks] [warmup]}, default 3,000,000 and 300,000. The garbage collector is
 * whatever the JVM was started with (run it with and without {@code -XX:+UseParallelGC}).
 */
public final class KeepResults {

  private KeepResults() {}

  /**
   * Runs the tasks.
   *
   * @param args tasks and warm-up counts
   */
  public static void main(String[] args) {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    run(warmup);
    long[] marks = new long[tasks / 1_000_000 + 2];
    long t0 = System.nanoTime();
    long sum = run(tasks, marks);
    long elapsed = System.nanoTime() - t0;
    if (sum != 5L * tasks) {
      throw new AssertionError("wrong sum " + sum);
    }
    System.out.println("keep_tasks_per_s=" + (long) (tasks / (elapsed / 1e9)));
    StringBuilder each = new StringBuilder("per_million_tasks_per_s=");
    long previous = t0;
    for (int m = 1; m < marks.length && marks[m] != 0; m++) {
      each.append(m == 1 ? "" : ",").append((long) (1_000_000 / ((marks[m] - previous) / 1e9)));
      previous = marks[m];
    }
    System.out.println(each);
  }

  private static void run(int tasks) {
    run(tasks, new long[tasks / 1_000_000 + 2]);
  }

  private static long run(int tasks, long[] marks) {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    long sum = 0;
    for (int i = 1; i <= tasks; i++) {
      sum += add.delay(2, 3).get();
      if (i % 1_000_000 == 0) {
        marks[i / 1_000_000] = System.nanoTime();
      }
    }
    app.close();
    return sum;
  }
}
