package io.celerykit.bench;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultTimeoutException;
import java.time.Duration;
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
 * Average wall time of {@code get(Duration.ofHours(1))} on a result nothing will complete: the
 * wait runs in virtual time, so it must end with {@link ResultTimeoutException} at once.
 *
 * <p>Each timed-out get moves the app's virtual clock one hour forward. The clock keeps its time
 * as a count of nanoseconds in a {@code long}, which holds about 2.56 million hours, fewer calls
 * than a few seconds of this benchmark make; and a benchmark should not depend on how far the
 * clock has run. So no app is reused across calls:
 *
 * <ul>
 *   <li>{@link #getTimesOut}: a fresh app and result are made in a {@code
 *       @Setup(Level.Invocation)} (not timed); only the {@code get} is measured. JMH's own
 *       per-invocation timestamps add some tens of nanoseconds to the figure.
 *   <li>{@link #createAppAndGetTimesOut}: the app and result are made inside the measured method,
 *       an upper bound without per-invocation setup.
 * </ul>
 *
 * <p>The exception is caught inside the benchmark and returned to JMH's blackhole; any other
 * outcome (a value, another exception) fails the run.
 *
 * <p>Target: under 1 ms per get.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TimeoutBenchmark {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final String ID = "d6f6a3c2-4b59-4d3e-9a57-1f7c2b8e0c11";

  /** A fresh app and a result nothing will complete, made before every invocation. */
  @State(Scope.Thread)
  public static class FreshResult {
    AsyncResult<Integer> never;

    /** Makes the app and the result. */
    @Setup(Level.Invocation)
    public void freshApp() {
      never = InMemoryCelery.create().asyncResult(ID);
    }
  }

  /**
   * Waits one virtual hour on the prepared result.
   *
   * @param fresh the result, in a fresh app
   * @return the timeout exception
   */
  @Benchmark
  public ResultTimeoutException getTimesOut(FreshResult fresh) {
    return timeOut(fresh.never);
  }

  /**
   * Makes an app and a result, then waits one virtual hour on it.
   *
   * @return the timeout exception
   */
  @Benchmark
  public ResultTimeoutException createAppAndGetTimesOut() {
    return timeOut(InMemoryCelery.create().<Integer>asyncResult(ID));
  }

  private static ResultTimeoutException timeOut(AsyncResult<Integer> result) {
    try {
      Integer value = result.get(HOUR);
      throw new IllegalStateException("get returned " + value + " for a result nothing stores");
    } catch (ResultTimeoutException expected) {
      return expected;
    }
  }
}
