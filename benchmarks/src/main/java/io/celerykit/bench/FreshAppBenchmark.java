package io.celerykit.bench;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.app.TaskBody;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one test costs once the JVM is warm: a fresh app, {@code tasks.add} registered, ten tasks
 * sent and their values got, the app closed; average time in microseconds. Everything is inside
 * the measurement, as the JUnit extension does it per test. {@code defaults} is {@code
 * CeleryConfig.defaults()}; {@code extension} is what {@code @CeleryTest} creates ({@code
 * trackResults(true)} on top of the defaults).
 *
 * <p>Target: at most 20 µs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FreshAppBenchmark {

  private static final TaskBody.Of2<Integer, Integer, Integer> ADD = (x, y) -> x + y;

  /** Which configuration. */
  @Param({"defaults", "extension"})
  public String config;

  private CeleryConfig settings;

  /** Picks the configuration once. */
  @Setup
  public void setUp() {
    settings =
        config.equals("extension")
            ? CeleryConfig.defaults().trackResults(true)
            : CeleryConfig.defaults();
  }

  /**
   * Creates an app, registers a task, sends ten tasks and gets their values, closes the app.
   *
   * @return the sum of the values
   */
  @Benchmark
  public int freshAppTenTasks() {
    InMemoryCelery app = InMemoryCelery.create(settings);
    Task<Integer> add = app.task("tasks.add", ADD);
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += add.delay(i, 1).get();
    }
    app.close();
    return sum;
  }
}
