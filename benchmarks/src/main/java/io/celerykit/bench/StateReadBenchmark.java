package io.celerykit.bench;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of {@link AsyncResult#state()} on one thread, over 100,000 stored results.
 *
 * <p>Setup (outside the measurement) stores 100,000 SUCCESS metas and 100,000 STARTED metas
 * under distinct UUID ids in one app's in-memory backend and makes an {@link AsyncResult} for
 * each. Every benchmark invocation reads the state of all 100,000 results once, in id order, and
 * counts as 100,000 operations ({@link OperationsPerInvocation}), so the score is reads per
 * second. Each state goes to the {@link Blackhole}.
 *
 * <ul>
 *   <li>{@link #successCached}: the SUCCESS results. A ready meta is cached on the result on its
 *       first read (as in Celery), so this is the steady state of re-reading results a test
 *       already looked at; setup reads each once so the cache is warm.
 *   <li>{@link #startedPrepared}: the STARTED results. A state that is not ready is never cached,
 *       so every read goes to the backend map (ConcurrentHashMap lookup of the id).
 *   <li>{@link #startedFresh}: a new {@code AsyncResult} for each read of a STARTED id: object
 *       construction plus the backend map read, the cost of {@code app.AsyncResult(id).state}.
 * </ul>
 *
 * <p>Target: at least 5,000,000 reads/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StateReadBenchmark {

  /** How many results each benchmark reads per invocation. */
  static final int N = 100_000;

  private InMemoryCelery app;
  private AsyncResult<?>[] success;
  private AsyncResult<?>[] started;
  private String[] startedIds;

  /** Stores the metas and makes the results. */
  @Setup(Level.Trial)
  public void setUp() {
    app = InMemoryCelery.create();
    String[] successIds = Ids.uuids(N, 1);
    startedIds = Ids.uuids(N, 2);
    success = new AsyncResult<?>[N];
    started = new AsyncResult<?>[N];
    for (int i = 0; i < N; i++) {
      app.backend().store(TaskMeta.success(successIds[i], i));
      app.backend().store(TaskMeta.builder(startedIds[i], TaskState.STARTED).build());
      success[i] = app.asyncResult(successIds[i]);
      started[i] = app.asyncResult(startedIds[i]);
    }
    if (app.backend().size() != 2 * N) {
      throw new IllegalStateException("ids collided: " + app.backend().size() + " metas stored");
    }
    for (int i = 0; i < N; i++) {
      check(success[i].state(), TaskState.SUCCESS);
      check(started[i].state(), TaskState.STARTED);
      if (!success[i].isCached() || started[i].isCached()) {
        throw new IllegalStateException("unexpected cache state of " + success[i] + "/" + started[i]);
      }
    }
  }

  private static void check(TaskState actual, TaskState expected) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException("expected " + expected + ", read " + actual);
    }
  }

  /**
   * Reads the state of 100,000 ready results whose meta is cached.
   *
   * @param bh the blackhole
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public void successCached(Blackhole bh) {
    AsyncResult<?>[] results = success;
    for (AsyncResult<?> r : results) {
      bh.consume(r.state());
    }
  }

  /**
   * Reads the state of 100,000 STARTED results; each read asks the backend.
   *
   * @param bh the blackhole
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public void startedPrepared(Blackhole bh) {
    AsyncResult<?>[] results = started;
    for (AsyncResult<?> r : results) {
      bh.consume(r.state());
    }
  }

  /**
   * Makes a new result for each of 100,000 STARTED ids and reads its state.
   *
   * @param bh the blackhole
   */
  @Benchmark
  @OperationsPerInvocation(N)
  public void startedFresh(Blackhole bh) {
    String[] ids = startedIds;
    InMemoryCelery a = app;
    for (String id : ids) {
      bh.consume(a.asyncResult(id).state());
    }
  }
}
