package io.celerykit.bench;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskMeta;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Average time of {@link ResultSet#join()} over 100,000 stored SUCCESS results.
 *
 * <p>Method: setup stores 100,000 SUCCESS metas once per trial. Before every invocation a
 * {@code @Setup(Level.Invocation)} makes 100,000 <em>new</em> {@link AsyncResult}s for those ids
 * and a new {@link ResultSet} of them, so no member has its meta cached and each {@code join()}
 * really reads the backend for every member, then caches it, as the first join of a test does.
 * The per-invocation setup is not timed; at this size (milliseconds per call) the timestamp cost
 * JMH adds around each invocation is negligible. Forgetting the cache instead is not possible:
 * {@code forget()} also removes the stored meta.
 *
 * <p>The teardown checks that the last join returned 100,000 values, in member order.
 *
 * <p>Target: at most 20 ms per join.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class JoinBenchmark {

  /** Members of the set. */
  static final int N = 100_000;

  private InMemoryCelery app;
  private String[] ids;
  private ResultSet set;
  private List<Object> last;

  /** Stores the metas. */
  @Setup(Level.Trial)
  public void store() {
    app = InMemoryCelery.create();
    ids = Ids.uuids(N, 3);
    for (int i = 0; i < N; i++) {
      app.backend().store(TaskMeta.success(ids[i], i));
    }
  }

  /** Makes a set of fresh, uncached results. */
  @Setup(Level.Invocation)
  public void freshSet() {
    List<AsyncResult<Integer>> members = new ArrayList<>(N);
    for (String id : ids) {
      members.add(app.asyncResult(id));
    }
    set = new ResultSet(members, app);
  }

  /**
   * Joins the set.
   *
   * @return the values
   */
  @Benchmark
  public List<Object> join() {
    List<Object> values = set.join();
    last = values;
    return values;
  }

  /** Checks the last join's values. */
  @TearDown(Level.Iteration)
  public void check() {
    if (last == null || last.size() != N) {
      throw new IllegalStateException("join returned " + (last == null ? null : last.size()));
    }
    for (int i = 0; i < N; i++) {
      if (!Integer.valueOf(i).equals(last.get(i))) {
        throw new IllegalStateException("value " + i + " is " + last.get(i));
      }
    }
  }
}
