package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.redis.testing.CeleryWorkerProcess;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revokes as pidbox broadcasts, on a real Celery 5.2.6 prefork worker (two processes,
 * task_track_started): what the worker stores and when (celery/worker/control.py revoke,
 * celery/worker/request.py revoked, terminate and _announce_revoked).
 */
@Tag("real-celery")
class RedisCeleryRevokeWorkerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final RealCelery celery =
      RealCelery.withWorker(
          w -> w.pool(CeleryWorkerProcess.Pool.PREFORK, 2).taskTrackStarted(true).name("revoke"));

  private static RedisCelery app;

  @BeforeAll
  static void connect() {
    app = RedisCelery.connect(celery.url());
  }

  @AfterAll
  static void disconnect() {
    app.close();
  }

  /**
   * Revoked before it starts: the worker holds the eta'd message, hears the revoke (its id joins
   * revoked_tasks) and, when the task comes due, discards it and stores REVOKED ("revoked").
   */
  @Test
  void aTaskRevokedBeforeItStartsIsStoredRevokedWhenTheWorkerReachesIt() {
    AsyncResult<Integer> later =
        app.sendTask(
            "tasks.add",
            List.of(1, 1),
            Map.of(),
            ApplyOptions.defaults().countdown(Duration.ofSeconds(2)));
    later.revoke();
    assertThatThrownBy(() -> later.get(WAIT))
        .isInstanceOf(TaskRevokedException.class)
        .hasMessageContaining("revoked");
    assertThat(later.state()).isEqualTo(TaskState.REVOKED);
  }

  /**
   * terminate=True: Request.terminate signals the child running the task and stores REVOKED
   * ("terminated") at once, while the task still blocks.
   */
  @Test
  void terminateStopsARunningTaskOnThePreforkPool() {
    String key = "never-" + UUID.randomUUID();
    AsyncResult<String> blocked = app.sendTask("tasks.wait_for_release", key);
    await().atMost(WAIT).until(() -> blocked.state().equals(TaskState.STARTED));
    blocked.revoke(RevokeOptions.defaults().terminate(true).signal("SIGKILL"));
    assertThatThrownBy(() -> blocked.get(WAIT))
        .isInstanceOf(TaskRevokedException.class)
        .hasMessageContaining("terminated");
    assertThat(blocked.state()).isEqualTo(TaskState.REVOKED);
  }

  /** expires in the past: the worker revokes the message on receipt ("expired"). */
  @Test
  void aMessageThatExpiredBeforeItArrivesIsStoredRevokedAsExpired() {
    AsyncResult<Integer> expired =
        app.sendTask(
            "tasks.add",
            List.of(1, 1),
            Map.of(),
            ApplyOptions.defaults().expires(Instant.now().minusSeconds(30)));
    assertThatThrownBy(() -> expired.get(WAIT))
        .isInstanceOf(TaskRevokedException.class)
        .hasMessageContaining("expired");
  }

  /** expires=0: now + 0 s is past by the time the worker reads it: REVOKED as expired. */
  @Test
  void aMessageThatExpiresAtOnceIsStoredRevokedAsExpired() {
    AsyncResult<Integer> expired =
        app.sendTask(
            "tasks.add", List.of(1, 1), Map.of(), ApplyOptions.defaults().expires(Duration.ZERO));
    assertThatThrownBy(() -> expired.get(WAIT))
        .isInstanceOf(TaskRevokedException.class)
        .hasMessageContaining("expired");
  }

  /** GroupResult.revoke: one broadcast with every member's id; each is stored REVOKED. */
  @Test
  void revokingAGroupRevokesEveryMember() {
    GroupResult g =
        Canvas.group(
                app.signature(
                    "tasks.add",
                    List.of(1, 1),
                    Map.of(),
                    ApplyOptions.defaults().countdown(Duration.ofSeconds(2))),
                app.signature(
                    "tasks.add",
                    List.of(2, 2),
                    Map.of(),
                    ApplyOptions.defaults().countdown(Duration.ofSeconds(2))))
            .applyAsync();
    g.revoke();
    for (var member : g.results()) {
      AsyncResult<?> r = (AsyncResult<?>) member;
      assertThatThrownBy(() -> r.get(WAIT)).isInstanceOf(TaskRevokedException.class);
    }
  }
}
