package io.celerykit.awaitility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.WorkerMode;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CeleryConditionsTest {

  private final InMemoryCelery app =
      InMemoryCelery.create(CeleryConfig.defaults().workerMode(WorkerMode.THREADED));

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void conditionsAreFalseUntilAWorkerThreadStoresTheResult() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    app.task(
        "t.wait",
        () -> {
          release.await();
          return "done";
        });
    AsyncResult<String> r = app.sendTask("t.wait");

    assertThat(CeleryConditions.ready(r).call()).isFalse();
    assertThat(CeleryConditions.inState(r, TaskState.SUCCESS).call()).isFalse();
    assertThat(CeleryConditions.reached(r, TaskState.SUCCESS).call()).isFalse();

    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(CeleryConditions.ready(r));

    assertThat(CeleryConditions.inState(r, TaskState.SUCCESS).call()).isTrue();
    assertThat(CeleryConditions.state(r).call()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void reachedAcceptsAnyStateOfHigherPrecedence() throws Exception {
    app.seed().inState("p", TaskState.of("PROGRESS"), null);
    AsyncResult<Object> r = app.asyncResult("p");

    assertThat(CeleryConditions.reached(r, TaskState.STARTED).call()).isTrue();
    assertThat(CeleryConditions.reached(r, TaskState.SUCCESS).call()).isFalse();
  }

  @Test
  void aSetIsReadyWhenEveryMemberIs() throws Exception {
    app.task("t.one", () -> 1);
    ResultSet set = new ResultSet(List.of(app.sendTask("t.one"), app.sendTask("t.one")), app);

    await().atMost(Duration.ofSeconds(10)).until(CeleryConditions.ready(set));

    assertThat(set.join()).containsExactly(1, 1);
  }
}
