package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.app.WorkerMode;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Durations too long for the virtual clock's nanoseconds (about 292 years) saturate: a timeout or
 * an interval that long never passes, a countdown that long is due at the clock's end of time,
 * nothing throws {@link ArithmeticException} and nothing is left half done. Celery takes any float
 * of seconds for {@code timeout} ({@code celery/result.py}, {@code AsyncResult.get}) and {@code
 * countdown} ({@code celery/app/task.py}, {@code Task.apply_async}).
 */
class HugeDurationsTest {

  private static final Duration CENTURIES = Duration.ofDays(365L * 300);
  private static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aTimeoutPastTheEndOfTimeOnAResultNothingCompletesWouldBlockForever() {
    for (Duration timeout : List.of(LONGEST, Duration.ofSeconds(Long.MAX_VALUE), CENTURIES)) {
      assertThatThrownBy(() -> app.asyncResult("never").get(timeout))
          .isInstanceOf(WouldBlockForeverException.class)
          .hasMessageContaining("task never")
          .hasMessageContaining("the timeout of " + timeout)
          .hasMessageContaining("end of time (" + app.clock().endOfTime() + ")");
    }
    assertThat(app.clock().elapsed()).isZero();
  }

  @Test
  void aTimeoutPastTheEndOfTimeReturnsWhatATaskComputes() {
    assertThat(add.delay(2, 3).get(CENTURIES)).isEqualTo(5);
    assertThat(add.delay(2, 4).get(LONGEST)).isEqualTo(6);
    assertThat(app.clock().elapsed()).isZero();
  }

  @Test
  void aTimeoutPastTheEndOfTimeWorksInThreadedModeToo() {
    try (InMemoryCelery threaded =
        InMemoryCelery.create(CeleryConfig.defaults().workerMode(WorkerMode.THREADED))) {
      Task<Integer> mul = threaded.task("tasks.mul", (Integer x, Integer y) -> x * y);
      assertThat(mul.delay(6, 7).get(CENTURIES)).isEqualTo(42);
      assertThat(mul.delay(6, 8).get(LONGEST)).isEqualTo(48);
      AsyncResult<Integer> r = mul.delay(2, 2);
      assertThat(
              r.get(
                  GetOptions.defaults()
                      .timeout(CENTURIES)
                      .interval(CENTURIES)
                      .onInterval(() -> {})))
          .isEqualTo(4);
    }
  }

  @Test
  void anIntervalPastTheEndOfTimeNeverFires() {
    AtomicInteger ticks = new AtomicInteger();
    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 1), Map.of(), ApplyOptions.defaults().countdown(hours(5)));
    GetOptions options =
        GetOptions.defaults().interval(CENTURIES).onInterval(ticks::incrementAndGet);
    assertThat(r.get(options.timeout(hours(6)))).isEqualTo(2);
    assertThat(ticks.get()).isZero();
    assertThat(app.clock().elapsed()).isEqualTo(hours(5));
  }

  @Test
  void aCountdownPastTheEndOfTimeIsDueThenAndLeavesNothingHalfDone() {
    for (Duration countdown : List.of(CENTURIES, LONGEST)) {
      AsyncResult<Integer> r =
          add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().countdown(countdown));
      assertThat(app.worker().queued()).isEqualTo(1);
      assertThat(app.journal().typesFor(r.id())).containsExactly("task-sent", "task-received");
      assertThat(app.clock().nextEventTime()).isEqualTo(app.clock().endOfTime());
      assertThat(r.state()).isEqualTo(TaskState.PENDING);

      assertThat(r.get()).isEqualTo(3);
      assertThat(app.clock().now()).isEqualTo(app.clock().endOfTime());
      assertThat(app.worker().queued()).isZero();
    }
  }

  @Test
  void anEtaOfInstantMaxIsDueAtTheEndOfTime() {
    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().eta(Instant.MAX));
    assertThat(app.clock().nextEventTime()).isEqualTo(app.clock().endOfTime());
    assertThat(r.get()).isEqualTo(3);
  }

  @Test
  void anExpiryPastTheEndOfTimeNeverRevokes() {
    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(1, 2),
            Map.of(),
            ApplyOptions.defaults().expires(LONGEST).countdown(Duration.ofDays(365L * 100)));
    assertThat(r.get()).isEqualTo(3);
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void aRetryCountdownPastTheEndOfTimeIsDueThen() {
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              if (self.retries() == 0) {
                throw self.retry(null, LONGEST);
              }
              return "ok";
            });
    AsyncResult<String> r = flaky.delay();
    app.worker().step();
    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat(app.clock().nextEventTime()).isEqualTo(app.clock().endOfTime());
    assertThat(r.get()).isEqualTo("ok");
  }

  @Test
  void resultsStoredAtTheEndOfTimeDoNotExpireAtOnce() {
    // The app's result_expires is a day (Celery's default): at the end of time a day never ends.
    app.clock().advance(LONGEST);
    assertThat(add.delay(1, 1).get()).isEqualTo(2);
    assertThat(app.backend().size()).isEqualTo(1);
  }

  @Test
  void aResultExpiryPastTheEndOfTimeKeepsResults() {
    app.backend().resultExpires(LONGEST);
    app.backend().store(TaskMeta.success("kept", 1));
    app.clock().advance(Duration.ofDays(365L * 250));
    assertThat(app.backend().getTaskMeta("kept").result()).isEqualTo(1);
  }

  private static Duration hours(int n) {
    return Duration.ofHours(n);
  }
}
