package io.celerykit.bench;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Average time of the serialization round trip of a 1,000,000-deep parent chain: {@link
 * AsyncResult#asTuple()}, {@link ResultTuple#toResult}, {@link ResultTuple#fromList} and {@link
 * AsyncResult#asList()}.
 *
 * <p>Setup (once per trial, not timed) builds the chain {@code c0 <- c1 <- ... <- c999999} (each
 * result's parent is the one before), its tuple, and the tuple as the nested lists JSON decoding
 * gives ({@link ResultTuple#toList()}), and checks the round trip once. Each benchmark converts
 * the whole chain and returns the outcome to JMH's blackhole. The forked JVM runs with the
 * default thread stack size, so a recursive implementation would fail with {@link
 * StackOverflowError}; the heap is set to 4 GiB because the chain and each conversion's output
 * hold a million objects each.
 *
 * <p>Target: each under 1 s, no {@code StackOverflowError}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class DeepChainBenchmark {

  /** Length of the chain. */
  static final int DEPTH = 1_000_000;

  private InMemoryCelery app;
  private AsyncResult<Object> tip;
  private ResultTuple tuple;
  private List<Object> raw;

  /** Builds the chain, its tuple and its list form. */
  @Setup(Level.Trial)
  public void build() {
    app = InMemoryCelery.create();
    AsyncResult<Object> node = null;
    for (int i = 0; i < DEPTH; i++) {
      node = new AsyncResult<>("c" + i, app, node);
    }
    tip = node;
    tuple = tip.asTuple();
    raw = tuple.toList();
    if (!ResultTuple.fromList(raw).equals(tuple)) {
      throw new IllegalStateException("fromList(toList()) differs from the tuple");
    }
    ResultBase back = ResultTuple.toResult(tuple, app);
    if (!back.equals(tip) || !((AsyncResult<?>) back).asTuple().equals(tuple)) {
      throw new IllegalStateException("toResult(asTuple()) differs from the chain");
    }
    List<String> ids = tip.asList();
    if (ids.size() != DEPTH || !ids.get(0).equals("c" + (DEPTH - 1))) {
      throw new IllegalStateException("asList() gave " + ids.size() + " ids");
    }
  }

  /**
   * Serializes the chain to a tuple.
   *
   * @return the tuple
   */
  @Benchmark
  public ResultTuple asTuple() {
    return tip.asTuple();
  }

  /**
   * Builds the chain of results back from the tuple.
   *
   * @return the tip of the chain
   */
  @Benchmark
  public ResultBase toResult() {
    return ResultTuple.toResult(tuple, app);
  }

  /**
   * Reads the tuple from nested lists.
   *
   * @return the tuple
   */
  @Benchmark
  public ResultTuple fromList() {
    return ResultTuple.fromList(raw);
  }

  /**
   * Lists the ids of the chain, nearest first.
   *
   * @return the ids
   */
  @Benchmark
  public List<String> asList() {
    return tip.asList();
  }
}
