package io.celerykit.bench.coldstart;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;

/**
 * One cold start, in this JVM: from the first line of {@code main} to the value of the first
 * {@code get()} of the first task, with {@code CeleryConfig.defaults()}. Prints {@code
 * first_result_us=<microseconds>} on one line ({@link ColdStart} starts this class in a fresh JVM
 * many times and reads that line). With {@code -Dphases=true} it prints the time of each step:
 * app creation, task registration, {@code delay}, {@code get}.
 */
public final class FirstResult {

  private FirstResult() {}

  /**
   * Runs the first task.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    InMemoryCelery app = InMemoryCelery.create();
    long t1 = System.nanoTime();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    long t2 = System.nanoTime();
    var result = add.delay(2, 3);
    long t3 = System.nanoTime();
    Integer value = result.get();
    long t4 = System.nanoTime();
    if (value != 5) {
      throw new AssertionError("tasks.add(2, 3) returned " + value);
    }
    System.out.println("first_result_us=" + (t4 - t0) / 1_000);
    if (Boolean.getBoolean("phases")) {
      System.out.println(
          "phases_us create="
              + (t1 - t0) / 1_000
              + " task="
              + (t2 - t1) / 1_000
              + " delay="
              + (t3 - t2) / 1_000
              + " get="
              + (t4 - t3) / 1_000);
    }
  }
}
