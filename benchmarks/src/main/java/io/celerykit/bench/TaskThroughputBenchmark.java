package io.celerykit.bench;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.ResultSerializer;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code delay} → the deterministic worker runs it → {@code get}, on one thread: tasks per second.
 *
 * <p>A fresh app per iteration (every task's result stays stored, as in Celery, so the backend
 * grows during an iteration). Two set-ups: {@code defaults} is {@code CeleryConfig.defaults()}
 * (JSON result serializer, event journal of 10,000 events, {@code result_expires} of one day);
 * {@code lean} switches the journal off, keeps Java values ({@code OBJECT}) and stores results
 * without expiry. {@code delayRunGet} keeps every result stored (millions per iteration, so the
 * backend's map keeps growing and resizing, and the garbage collector copies every stored result
 * at least once); {@code delayRunGetForget} forgets each result after {@code get}, as Celery asks
 * of every result. {@link TaskThroughputBenchmark.PerApp} keeps every result but starts a fresh
 * app every {@value TaskThroughputBenchmark.PerApp#TASKS} tasks, as a test suite does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class TaskThroughputBenchmark {

  /** Which configuration. */
  @Param({"defaults", "lean"})
  public String config;

  private InMemoryCelery app;
  private Task<Integer> add;

  /** Creates a fresh app and registers {@code tasks.add}. */
  @Setup(Level.Iteration)
  public void setUp() {
    app = InMemoryCelery.create(config(config));
    add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  }

  /** Closes the app. */
  @TearDown(Level.Iteration)
  public void tearDown() {
    app.close();
  }

  /**
   * Sends one task and waits for its value.
   *
   * @return the value
   */
  @Benchmark
  public Integer delayRunGet() {
    return add.delay(2, 3).get();
  }

  /**
   * {@code delay} → run → {@code get} with every result kept, in a fresh app every {@value
   * #TASKS} tasks (the app is made outside the measurement): the cost per task of a large test.
   */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
  public static class PerApp {
    /** How many tasks one app runs. */
    public static final int TASKS = 10_000;

    /** Which configuration. */
    @Param({"defaults", "lean"})
    public String config;

    private InMemoryCelery app;
    private Task<Integer> add;

    /** Creates a fresh app and registers {@code tasks.add}. */
    @Setup(Level.Invocation)
    public void setUp() {
      app = InMemoryCelery.create(TaskThroughputBenchmark.config(config));
      add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    }

    /** Closes the app. */
    @TearDown(Level.Invocation)
    public void tearDown() {
      app.close();
    }

    /**
     * Sends {@value #TASKS} tasks one after the other, waiting for each value.
     *
     * @return the sum of the values
     */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long delayRunGetKeepingResults() {
      long sum = 0;
      for (int i = 0; i < TASKS; i++) {
        sum += add.delay(2, 3).get();
      }
      return sum;
    }
  }

  static CeleryConfig config(String name) {
    CeleryConfig c = CeleryConfig.defaults();
    if (name.equals("lean")) {
      c = c.journalCapacity(0).resultSerializer(ResultSerializer.OBJECT).resultExpires(null);
    }
    return c;
  }

  /**
   * Sends one task, waits for its value and forgets the result, as Celery asks of every result:
   * the backend stays small, so the figure is the worker's cost without the growth of a map of
   * millions of stored results.
   *
   * @return the value
   */
  @Benchmark
  public Integer delayRunGetForget() {
    AsyncResult<Integer> result = add.delay(2, 3);
    Integer value = result.get();
    result.forget();
    return value;
  }
}
