package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.app.Signature;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ChordException;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.RemoteTaskException;
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
 * Every shape {@link RedisCelery} sends, run by a real Celery 5.2.6 worker (solo pool): groups with
 * a chosen id saved and restored, chains whose results lead back through their parents, chords
 * (their body run with the header's results, or failed by a failing header), link and link_error
 * callbacks, countdown, eta, expires, priority, time limits, shadow and ignore_result.
 */
@Tag("real-celery")
class RedisCeleryCanvasWorkerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final RealCelery celery =
      RealCelery.withWorker(w -> w.resultExpires(Duration.ofSeconds(600)));

  private static RedisCelery app;
  private static RedisProbe probe;

  @BeforeAll
  static void connect() {
    app =
        RedisCelery.create(
            RedisCeleryConfig.defaults()
                .brokerUrl(celery.url())
                .resultExpires(Duration.ofSeconds(600)));
    probe = RedisProbe.connect(celery.url());
  }

  @AfterAll
  static void disconnect() {
    app.close();
    probe.close();
  }

  private static Signature sig(String name, Object... args) {
    return app.signature(name, args);
  }

  /**
   * group.apply_async(task_id=...) sends the members with the group id; GroupResult.save and
   * restore (celery/result.py) bring them back by that id, and join waits for their values.
   */
  @Test
  void aGroupWithAChosenIdIsSavedAndRestoredByThatId() {
    String id = "batch-" + UUID.randomUUID();
    GroupResult g =
        Canvas.group(sig("tasks.add", 1, 1), sig("tasks.add", 2, 2), sig("tasks.add", 3, 3))
            .applyAsync(List.of(), ApplyOptions.defaults().taskId(id));
    assertThat(g.id()).isEqualTo(id);
    assertThat(app.backend().restoreGroup(id)).as("group.apply_async does not save").isEmpty();

    g.save();
    GroupResult restored = app.restoreGroup(id);
    assertThat(restored.results()).hasSize(3);
    assertThat(restored.join(WAIT)).containsExactly(2, 4, 6);
  }

  /** chain(add(2, 2), mul(8), add(1)): each step gets the previous value; parents lead back. */
  @Test
  void aChainRunsItsStepsInOrderAndItsResultLeadsBackThroughItsParents() {
    AsyncResult<Integer> last =
        Canvas.chain(sig("tasks.add", 2, 2), sig("tasks.mul", 8), sig("tasks.add", 1)).applyAsync();
    assertThat(last.get(WAIT)).isEqualTo(33);
    AsyncResult<?> mul = (AsyncResult<?>) last.parent();
    AsyncResult<?> first = (AsyncResult<?>) mul.parent();
    assertThat(mul.get(WAIT)).isEqualTo(32);
    assertThat(first.get(WAIT)).isEqualTo(4);
    assertThat(first.parent()).isNull();
  }

  /**
   * chord(header, xsum): the Redis backend counts the header (set_chord_size) and runs the body.
   */
  @Test
  void aChordRunsItsBodyWithTheHeadersResults() {
    AsyncResult<Integer> total =
        Canvas.chord(
                List.of(sig("tasks.add", 1, 1), sig("tasks.add", 2, 2), sig("tasks.add", 3, 3)),
                sig("tasks.xsum"))
            .applyAsync();
    assertThat(total.get(WAIT)).isEqualTo(12);
    assertThat(((GroupResult) total.parent()).join(WAIT)).containsExactly(2, 4, 6);
  }

  /**
   * A failing header member fails the body with ChordError, read back as ChordException
   * (RedisBackend.on_chord_part_return: "Dependency <id> raised ValueError('boom')"). The body's
   * own error is read without following parents: with follow_parents (the default) Celery's get
   * raises the header member's ValueError instead whenever that member is already stored when get
   * starts (result.py, _maybe_reraise_parent_error), which depends on timing.
   */
  @Test
  void aChordWhoseHeaderFailsFailsItsBodyWithChordError() {
    AsyncResult<Integer> total =
        Canvas.chord(List.of(sig("tasks.add", 1, 1), sig("tasks.fail")), sig("tasks.xsum"))
            .applyAsync();
    assertThatThrownBy(() -> total.get(GetOptions.defaults().timeout(WAIT).followParents(false)))
        .isInstanceOf(ChordException.class)
        .hasMessageStartingWith("Dependency ")
        .hasMessageEndingWith(" raised ValueError('boom')");
    assertThat(total.state()).isEqualTo(TaskState.FAILURE);
  }

  /** link: the callback gets the value prepended; link_error: an old-style errback its id. */
  @Test
  void linkAndLinkErrorCallbacksRunOnTheWorker() {
    String key = "links-" + UUID.randomUUID();
    AsyncResult<Integer> ok =
        app.sendTask(
            "tasks.add",
            List.of(2, 3),
            Map.of(),
            ApplyOptions.defaults().link(sig("tasks.record", key)));
    assertThat(ok.get(WAIT)).isEqualTo(5);
    await().atMost(WAIT).until(() -> list(key).contains("5"));

    AsyncResult<Object> failed =
        app.sendTask(
            "tasks.fail",
            List.of(),
            Map.of(),
            ApplyOptions.defaults().linkError(sig("tasks.record_error")));
    assertThatThrownBy(() -> failed.get(WAIT)).isInstanceOf(RemoteTaskException.class);
    await().atMost(WAIT).until(() -> list("celerykit:errbacks").contains(failed.id()));
  }

  private static List<String> list(String key) {
    return probe.commands().lrange(key, 0, -1);
  }

  /** eta and expires reach the worker's request as Celery's isoformat; the task runs. */
  @Test
  void etaAndExpiresReachTheWorker() {
    Instant eta = Instant.now().plusMillis(300);
    AsyncResult<Map<String, Object>> echo =
        app.sendTask(
            "tasks.echo",
            List.of(),
            Map.of(),
            ApplyOptions.defaults().eta(eta).expires(Duration.ofMinutes(5)));
    Map<String, Object> request = request(echo.get(WAIT));
    assertThat(Instant.parse(((String) request.get("eta")).replace("+00:00", "Z")))
        .isEqualTo(eta.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    assertThat((String) request.get("expires")).endsWith("+00:00");
  }

  /** priority, time limits and shadow travel in the message (as_task_v2, kombu's priority). */
  @Test
  void priorityTimeLimitsAndShadowReachTheWorker() {
    AsyncResult<Map<String, Object>> echo =
        app.sendTask(
            "tasks.echo",
            List.of(),
            Map.of(),
            ApplyOptions.defaults()
                .priority(5)
                .timeLimit(Duration.ofSeconds(60))
                .softTimeLimit(Duration.ofSeconds(50))
                .shadow("echo-shadow"));
    Map<String, Object> request = request(echo.get(WAIT));
    assertThat(request)
        .containsEntry("priority", 5)
        .containsEntry("timelimit", List.of(60, 50))
        .containsEntry("shadow", "echo-shadow");
  }

  /**
   * ignore_result: the result is ignored at once (get returns None) and the worker stores nothing;
   * a task sent after it on the solo worker's queue shows that it ran.
   */
  @Test
  void anIgnoredResultIsNeverStored() {
    AsyncResult<Integer> ignored =
        app.sendTask(
            "tasks.add", List.of(1, 2), Map.of(), ApplyOptions.defaults().ignoreResult(true));
    assertThat(ignored.ignored()).isTrue();
    assertThat(ignored.get(WAIT)).isNull();
    AsyncResult<Integer> after = app.sendTask("tasks.add", 3, 4);
    assertThat(after.get(WAIT)).isEqualTo(7);
    assertThat(app.backend().getTaskMeta(ignored.id()).state()).isEqualTo(TaskState.PENDING);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> request(Map<String, Object> echo) {
    return (Map<String, Object>) echo.get("request");
  }
}
