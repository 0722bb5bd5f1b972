package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Time in threaded mode passes as on a real worker, whose timer runs ETA tasks and retries when
 * they come due (celery/worker/consumer/consumer.py, the timer; celery/app/task.py, Task.retry
 * sends the retry with its countdown); a wait that times out says why the task is not done.
 */
class ThreadedTimeTest {

  private final InMemoryCelery app =
      InMemoryCelery.create(CeleryConfig.defaults().workerMode(WorkerMode.THREADED));

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aTaskThatTakesTimeCompletesInRealTimeWithoutAnyoneAdvancingTheClock() {
    app.stub("reports.render").returns("pdf").takes(Duration.ofMillis(30));

    AsyncResult<String> r = app.sendTask("reports.render");

    assertThat(r.get(Duration.ofSeconds(10))).isEqualTo("pdf");
    assertThat(app.clock().elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
  }

  @Test
  void aTimeoutOnATaskDueLaterSaysWhenItIsDue() {
    app.stub("reports.render").returns("pdf");
    AsyncResult<Object> r =
        app.sendTask(
            "reports.render",
            List.of(),
            Map.of(),
            ApplyOptions.defaults().countdown(Duration.ofHours(1)));

    assertThatThrownBy(() -> r.get(Duration.ofMillis(20)))
        .isInstanceOf(ResultTimeoutException.class);
    assertThat(app.whyNotRun(r.id()))
        .startsWith("it is due at 2026-01-01T01:00:00Z (countdown or eta)")
        .contains("in threaded mode the clock follows real time");
    assertThatThrownBy(() -> assertThat(r).succeedsWithin(Duration.ofMillis(20)))
        .hasMessageContaining("it is not done because:")
        .hasMessageContaining("in threaded mode the clock follows real time");
  }

  @Test
  void advancingTheClockByHandStillSkipsAhead() {
    app.stub("reports.render").returns("pdf");
    AsyncResult<Object> r =
        app.sendTask(
            "reports.render",
            List.of(),
            Map.of(),
            ApplyOptions.defaults().countdown(Duration.ofHours(1)));

    app.clock().advance(Duration.ofHours(1));

    assertThat(r.get(Duration.ofSeconds(10))).isEqualTo("pdf");
  }

  @Test
  void aTaskANeverRunsStubHoldsIsNamedAsSuch() {
    app.stub("reports.lost").neverRuns();

    AsyncResult<Object> r = app.sendTask("reports.lost");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> app.whyNotRun(r.id()) != null && app.whyNotRun(r.id()).contains("neverRuns"));
    assertThatThrownBy(() -> assertThat(r).succeedsWithin(Duration.ofMillis(20)))
        .hasMessageContaining("a neverRuns() stub holds it");
  }

  @Test
  void aTaskThatRanHasNothingToExplain() {
    app.stub("reports.render").returns("pdf");
    AsyncResult<Object> r = app.sendTask("reports.render");

    r.get(Duration.ofSeconds(10));

    assertThat(app.whyNotRun(r.id())).isNull();
    assertThat(app.whyNotRun("never-sent")).isNull();
  }

  @Test
  @Timeout(10)
  void aGetWithoutTimeoutThatNothingCanCompleteFailsInsteadOfBlockingForever() {
    app.stub("reports.lost").neverRuns();
    AsyncResult<Object> r = app.sendTask("reports.lost");

    assertThatThrownBy(r::get)
        .isInstanceOf(WouldBlockForeverException.class)
        .hasMessageContaining("nothing in the app can complete it: the worker is idle")
        .hasMessageContaining("1 sent task(s) held by a neverRuns() stub")
        .hasMessageContaining("pass a timeout");
  }

  @Test
  @Timeout(10)
  void aGetWithoutTimeoutOnAnIdNothingWasSentForFails() {
    assertThatThrownBy(() -> app.asyncResult("never-sent").get())
        .isInstanceOf(WouldBlockForeverException.class)
        .hasMessageContaining("no task is queued, running or due later on the clock");
  }

  @Test
  void aTimeoutWhenNothingCanProgressSaysSo() {
    assertThatThrownBy(() -> app.asyncResult("never-sent").get(Duration.ofMillis(50)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageStartingWith("The operation timed out.")
        .hasMessageContaining("nothing can complete it: the worker is idle");
  }

  @Test
  @Timeout(20)
  void aGetWithoutTimeoutWaitsForATaskThatTakesLongerThanTheStallGrace() {
    // 400 ms of virtual time pass in real time, twice the 200 ms a stalled wait is given: the
    // task due on the clock keeps the wait alive.
    app.stub("reports.render").returns("pdf").takes(Duration.ofMillis(400));

    assertThat(app.<String>sendTask("reports.render").get()).isEqualTo("pdf");
  }

  @Test
  @Timeout(60)
  void manyThreadsWaitingWithoutTimeoutAtOnceAllGetTheirResults() throws Exception {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    int threads = 8;
    int perThread = 300;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> sums = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        sums.add(
            callers.submit(
                () -> {
                  long sum = 0;
                  for (int i = 0; i < perThread; i++) {
                    sum += add.delay(i, offset).get();
                  }
                  return sum;
                }));
      }
      for (int t = 0; t < threads; t++) {
        long expected = (long) perThread * (perThread - 1) / 2 + (long) perThread * t;
        assertThat(sums.get(t).get()).isEqualTo(expected);
      }
    } finally {
      callers.shutdownNow();
    }
  }
}
