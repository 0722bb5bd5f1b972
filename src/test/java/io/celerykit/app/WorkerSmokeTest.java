package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerSmokeTest {
  @Test
  void delayRunsWhenGetNeedsIt() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> r = add.delay(2, 3);
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(r.get()).isEqualTo(5);
    assertThat(app.journal().typesFor(r.id()))
        .containsExactly("task-sent", "task-received", "task-started", "task-succeeded");
  }

  @Test
  void retriesThenFailsPastMaxRetries() {
    InMemoryCelery app =
        InMemoryCelery.create(CeleryConfig.defaults().maxRetries(2).resultExtended(true));
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              throw self.retry(null, Duration.ofSeconds(1));
            });
    AsyncResult<String> r = flaky.delay(5);
    assertThatThrownBy(r::get)
        .isInstanceOf(MaxRetriesExceededException.class)
        .hasMessage("Can't retry tasks.flaky[" + r.id() + "] args:(5,) kwargs:{}");
    assertThat(r.retries()).isEqualTo(2);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void revokeTerminateEndsARunningStub() {
    InMemoryCelery app = InMemoryCelery.create();
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();
    assertThat(app.worker().active()).contains(r.id());
    r.revoke(io.celerykit.result.RevokeOptions.defaults().terminate(true));
    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("terminated");
  }

  @Test
  void getInsideATaskIsRefused() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> one = app.task("tasks.one", () -> 1);
    Task<Object> outer = app.task("tasks.outer", () -> one.delay().get());
    assertThatThrownBy(() -> outer.delay().get())
        .is(raisedAs(IllegalStateException.class))
        .hasMessageContaining("Never call result.get() within a task!");
  }
}
