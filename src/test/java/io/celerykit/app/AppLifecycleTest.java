package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an app does after {@link InMemoryCelery#close()}. */
class AppLifecycleTest {

  private static InMemoryCelery threaded() {
    return InMemoryCelery.create(
        CeleryConfig.defaults().workerMode(WorkerMode.THREADED).concurrency(1));
  }

  @Test
  void sendingToAClosedThreadedAppSaysTheAppIsClosedAndRecordsNothing() {
    InMemoryCelery app = threaded();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    app.close();

    assertThatThrownBy(() -> add.delay(1, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("tasks.add")
        .hasMessageContaining("closed")
        .hasMessageContaining("InMemoryCelery.create");
    assertThatThrownBy(() -> app.sendTask("tasks.add", 1, 2))
        .isInstanceOf(IllegalStateException.class);
    assertThat(app.journal().events()).isEmpty();
    assertThat(app.worker().queued()).isZero();
  }

  @Test
  void aCountdownThatComesDueAfterCloseIsDroppedQuietly() {
    InMemoryCelery app = threaded();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> later =
        add.applyAsync(
            List.of(1, 2), Map.of(), ApplyOptions.defaults().countdown(Duration.ofMinutes(1)));

    app.close();
    app.clock().advance(Duration.ofMinutes(2));

    assertThat(app.journal().typesFor(later.id())).containsExactly("task-sent", "task-received");
  }
}
