package io.celerykit.bench;

import io.celerykit.app.Canvas;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Signature;
import io.celerykit.app.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A group of 100,000 tasks sent, run by the deterministic worker and joined: time per group.
 * A fresh app and the 100,000 signatures are made before each invocation (not measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 5, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class GroupJoinBenchmark {

  /** The configuration: {@code defaults} or {@code lean} (see {@link TaskThroughputBenchmark}). */
  @Param({"defaults", "lean"})
  public String config;

  /** How many tasks the group has. */
  @Param({"100000"})
  public int size;

  private InMemoryCelery app;
  private List<Signature> signatures;

  /** Makes a fresh app and the group's signatures. */
  @Setup(Level.Invocation)
  public void setUp() {
    app = InMemoryCelery.create(TaskThroughputBenchmark.config(config));
    Task<Integer> square = app.task("tasks.square", (Integer i) -> i * i);
    signatures = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      signatures.add(square.s(i));
    }
  }

  /** Closes the app. */
  @TearDown(Level.Invocation)
  public void tearDown() {
    app.close();
  }

  /**
   * Sends the group and joins it.
   *
   * @return the values
   */
  @Benchmark
  public List<Object> groupRunAndJoin() {
    return Canvas.group(signatures).applyAsync().join();
  }
}
