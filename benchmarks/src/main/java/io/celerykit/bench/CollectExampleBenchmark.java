package io.celerykit.bench;

import io.celerykit.app.Canvas;
import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.ResultSerializer;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
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
 * The reference's {@code collect()} example with N {@code B} tasks: {@code A(N)} returns a group of
 * {@code B(i)}, each returns {@code pow2.delay(i)}; measured from {@code A.delay(N)} to the end of
 * {@code collect()} over the whole tree (1 + 1 + 2N nodes), values kept as Java objects (Celery's
 * pickle serializer), event journal off. Shows cost growing linearly with N.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class CollectExampleBenchmark {

  /** How many B tasks. */
  @Param({"10000", "100000", "1000000"})
  public int n;

  private InMemoryCelery app;
  private Task<Object> a;

  /** Registers the three tasks on a fresh app. */
  @Setup(Level.Iteration)
  public void setUp() {
    app =
        InMemoryCelery.create(
            CeleryConfig.defaults()
                .resultSerializer(ResultSerializer.OBJECT)
                .journalCapacity(0)
                .resultExpires(null));
    Task<Integer> pow2 = app.task("tasks.pow2", (Integer i) -> i * i);
    Task<AsyncResult<Integer>> b = app.task("tasks.B", (Integer i) -> pow2.delay(i));
    a =
        app.boundTask(
            "tasks.A",
            self -> {
              int howMany = (Integer) self.args().get(0);
              List<io.celerykit.app.Signature> sigs = new ArrayList<>(howMany);
              for (int i = 0; i < howMany; i++) {
                sigs.add(b.s(i));
              }
              return Canvas.group(sigs).applyAsync();
            });
  }

  /** Closes the app. */
  @TearDown(Level.Iteration)
  public void tearDown() {
    app.close();
  }

  /**
   * Runs A(N) and collects the whole tree.
   *
   * @return how many nodes were collected
   */
  @Benchmark
  public long collectTree() {
    return a.delay(n).collect().count();
  }
}
