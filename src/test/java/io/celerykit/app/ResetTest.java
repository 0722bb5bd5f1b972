package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An app kept across tests is reset to behave as a new one. */
class ResetTest {

  /** The same scenario, returning what a test would see of it. */
  private static List<Object> scenario(InMemoryCelery app) {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    app.stub("tasks.report").retries(1, null).thenReturns("pdf");
    AsyncResult<Integer> sum = add.delay(2, 3);
    AsyncResult<Object> report = app.sendTask("tasks.report");
    List<Object> seen = new ArrayList<>();
    seen.add(sum.id());
    seen.add(sum.get());
    seen.add(report.get(Duration.ofMinutes(10)));
    seen.add(app.clock().now());
    seen.add(app.journal().timeline());
    seen.add(app.sentTasks().toString());
    seen.add(app.backend().size());
    return seen;
  }

  @Test
  void aResetAppBehavesAsANewOne() {
    InMemoryCelery fresh = InMemoryCelery.create();
    List<Object> expected = scenario(fresh);

    InMemoryCelery reused = InMemoryCelery.create();
    scenario(reused);
    reused.control().revoke(List.of("x"), io.celerykit.result.RevokeOptions.defaults());
    reused.reset();

    assertThat(scenario(reused)).isEqualTo(expected);
  }

  @Test
  void resetForgetsResultsJournalStubsClockAndSentTasks() {
    InMemoryCelery app = InMemoryCelery.create();
    app.stub("t").returns(1);
    AsyncResult<Object> r = app.sendTask("t");
    r.get();
    app.clock().advance(Duration.ofHours(1));

    app.reset();

    assertThat(app.asyncResult(r.id()).state()).isEqualTo(TaskState.PENDING);
    assertThat(app.journal().events()).isEmpty();
    assertThat(app.stubs()).isEmpty();
    assertThat(app.taskNames()).isEmpty();
    assertThat(app.clock().elapsed()).isZero();
    assertThat(app.sentTasks()).isEmpty();
    assertThat(app.control().requests()).isEmpty();
    assertThat(app.worker().executed()).isZero();
    assertThatThrownBy(() -> app.sendTask("t")).isInstanceOf(NotRegisteredException.class);
  }

  @Test
  void resetKeepsTheSettingsAndRestartsAThreadedWorker() {
    InMemoryCelery app =
        InMemoryCelery.create(CeleryConfig.defaults().workerMode(WorkerMode.THREADED));
    app.close();

    app.reset();

    app.task("tasks.one", () -> 1);
    assertThat(app.config().workerMode()).isEqualTo(WorkerMode.THREADED);
    assertThat(app.sendTask("tasks.one").get(Duration.ofSeconds(10))).isEqualTo(1);
    app.close();
  }
}
