package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryException;
import io.celerykit.result.EagerResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Success, failure, retry and revocation in eager, deterministic and threaded modes. */
class EveryModeTest {

  enum Mode {
    EAGER(CeleryConfig.defaults().taskAlwaysEager(true)),
    DETERMINISTIC(CeleryConfig.defaults()),
    THREADED(CeleryConfig.defaults().workerMode(WorkerMode.THREADED).concurrency(2));

    final CeleryConfig config;

    Mode(CeleryConfig config) {
      this.config = config;
    }
  }

  private InMemoryCelery app;
  private Mode mode;

  private InMemoryCelery start(Mode m) {
    mode = m;
    app = InMemoryCelery.create(m.config.defaultRetryDelay(Duration.ofSeconds(1)));
    return app;
  }

  @AfterEach
  void close() {
    if (app != null) {
      app.close();
    }
  }

  /** Lets the worker finish: nothing in eager mode, run until idle, or wait on real threads. */
  private void settle(AsyncResult<?> r) {
    switch (mode) {
      case EAGER -> {}
      case DETERMINISTIC -> app.worker().runUntilIdle();
      case THREADED ->
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> {
                    app.clock().advance(Duration.ofMinutes(1));
                    return r.ready();
                  });
      default -> throw new IllegalStateException(mode.name());
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void success(Mode m) {
    start(m);
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(2, 3);
    settle(r);

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.successful()).isTrue();
    assertThat(r.get()).isEqualTo(5);
    assertThat(r instanceof EagerResult).isEqualTo(m == Mode.EAGER);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void failure(Mode m) {
    start(m);
    IllegalStateException boom = new IllegalStateException("boom");
    Task<Integer> fail =
        app.task(
            "tasks.fail",
            () -> {
              throw boom;
            });

    AsyncResult<Integer> r = fail.delay();
    settle(r);

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.failed()).isTrue();
    assertThat(r.traceback()).contains("IllegalStateException: boom");
    if (m == Mode.EAGER) {
      // Celery's EagerResult holds the exception itself.
      assertThat(r.result()).isSameAs(boom);
      assertThatThrownBy(r::get).isSameAs(boom);
    } else {
      // A worker stores it through the JSON serializer: a client reads back its remote form.
      assertThat(r.result()).is(raisedAs(IllegalStateException.class));
      assertThatThrownBy(r::get)
          .is(raisedAs(IllegalStateException.class))
          .hasMessage("java.lang.IllegalStateException: boom");
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryThenSuccess(Mode m) {
    start(m);
    AtomicInteger attempts = new AtomicInteger();
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              attempts.incrementAndGet();
              if (self.retries() < 2) {
                throw self.retry(new IllegalStateException("attempt " + self.retries()));
              }
              return "ok after " + self.retries() + " retries";
            });

    AsyncResult<String> r = flaky.delay();
    settle(r);

    assertThat(attempts).hasValue(3);
    // eager too: Celery 5.2's Task.apply returns the retried signature's apply()
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo("ok after 2 retries");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void retryPastMaxRetriesFails(Mode m) {
    start(m);
    AtomicInteger attempts = new AtomicInteger();
    Task<String> always =
        app.boundTask(
            "tasks.always",
            self -> {
              attempts.incrementAndGet();
              throw self.retry();
            });

    AsyncResult<String> r = always.delay(5);
    settle(r);

    assertThat(attempts).hasValue(4);
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThatThrownBy(r::get)
        .isInstanceOf(MaxRetriesExceededException.class)
        .hasMessage("Can't retry tasks.always[" + r.id() + "] args:(5,) kwargs:{}");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void revocation(Mode m) {
    start(m);
    AtomicInteger runs = new AtomicInteger();
    Task<Integer> add =
        app.task(
            "tasks.add",
            (Integer x, Integer y) -> {
              runs.incrementAndGet();
              return x + y;
            });

    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(1, 2), Map.of(), ApplyOptions.defaults().countdown(Duration.ofMinutes(1)));
    r.revoke();
    settle(r);

    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.ready()).isTrue();
    assertThatThrownBy(r::get).isInstanceOf(CeleryException.class);
    if (m == Mode.EAGER) {
      // an eager task has run already; revoking only marks its result
      assertThat(runs).hasValue(1);
      assertThat(app.control().requests()).isEmpty();
    } else {
      assertThat(runs).hasValue(0);
      assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("revoked");
      assertThat(app.control().revoked()).containsExactly(r.id());
    }
  }
}
