package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.app.ApplyOptions;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RedisCelery} end to end with a real Celery 5.2 worker (solo pool, result_extended,
 * task_track_started, result_expires 600 s): tasks sent from Java run in Python, and their results
 * are read back through Celery's Redis result backend.
 */
@Tag("real-celery")
class RedisCeleryWorkerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static final RealCelery celery =
      RealCelery.withWorker(
          w ->
              w.resultExtended(true).taskTrackStarted(true).resultExpires(Duration.ofSeconds(600)));

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

  /** The worker runs tasks.add(2, 3) sent from Java; get returns 5 (celery/result.py get). */
  @Test
  void addSentFromJavaReturnsFiveFromTheWorker() {
    AsyncResult<Integer> sum = app.sendTask("tasks.add", 2, 3);
    assertThat(sum.get(WAIT)).isEqualTo(5);
    assertThat(sum.state()).isEqualTo(TaskState.SUCCESS);
  }

  /** A list argument reaches the worker as a Python list (tasks.xsum). */
  @Test
  void aListArgumentReachesTheWorker() {
    AsyncResult<Integer> total =
        app.sendTask("tasks.xsum", List.of(List.of(1, 2, 3)), Map.of(), ApplyOptions.defaults());
    assertThat(total.get(WAIT)).isEqualTo(6);
  }

  /**
   * A task that raises ValueError fails with a RemoteTaskException of that type, message and
   * traceback (celery/backends/base.py exception_to_python, Celery's prepare_exception).
   */
  @Test
  void aFailingTaskRaisesRemoteTaskExceptionWithItsTypeAndMessage() {
    AsyncResult<Object> failed = app.sendTask("tasks.fail", "value", "boom");
    assertThatThrownBy(() -> failed.get(WAIT))
        .isInstanceOf(RemoteTaskException.class)
        .hasMessage("ValueError: boom")
        .satisfies(
            e -> {
              RemoteTaskException remote = (RemoteTaskException) e;
              assertThat(remote.excType()).isEqualTo("ValueError");
              assertThat(remote.excModule()).isEqualTo("builtins");
              assertThat(remote.excMessage()).containsExactly("boom");
              assertThat(remote.traceback()).contains("ValueError: boom");
            });
    assertThat(failed.state()).isEqualTo(TaskState.FAILURE);
  }

  /** KeyError and an exception class of the task module keep their names and arguments. */
  @Test
  void keyErrorAndCustomExceptionsKeepTheirTypesAndArguments() {
    AsyncResult<Object> keyError = app.sendTask("tasks.fail", "key", "missing");
    AsyncResult<Object> custom = app.sendTask("tasks.fail", "custom", "mine");
    assertThatThrownBy(() -> keyError.get(WAIT))
        .isInstanceOf(RemoteTaskException.class)
        .hasMessage("KeyError: 'missing'");
    assertThatThrownBy(() -> custom.get(WAIT))
        .isInstanceOfSatisfying(
            RemoteTaskException.class,
            e -> {
              assertThat(e.excType()).isEqualTo("CeleryKitError");
              assertThat(e.excModule()).isEqualTo("celerykit_tasks");
              assertThat(e.excMessage()).containsExactly("mine", 42);
            });
  }

  /** A task that retries twice (countdown 0.1 s) succeeds on its third run (Task.retry). */
  @Test
  void aRetryingTaskSucceedsAfterItsRetries() {
    AsyncResult<Map<String, Object>> flaky =
        app.sendTask("tasks.flaky", List.of(2, 0.1), Map.of(), ApplyOptions.defaults());
    assertThat(flaky.get(WAIT)).containsEntry("retries", 2);
    assertThat(flaky.retries()).isEqualTo(2);
  }

  /**
   * A task that retries past max_retries fails with the exception it retried with (Task.retry:
   * raise_with_context(exc) once retries exceed max_retries).
   */
  @Test
  void aTaskThatExhaustsItsRetriesFailsWithItsLastError() {
    AsyncResult<Object> exhausted = app.sendTask("tasks.exhaust");
    assertThatThrownBy(() -> exhausted.get(WAIT))
        .isInstanceOfSatisfying(
            RemoteTaskException.class,
            e -> {
              assertThat(e.excType()).isEqualTo("OSError");
              assertThat(e.excMessage()).containsExactly("never works");
            });
    assertThat(exhausted.state()).isEqualTo(TaskState.FAILURE);
  }

  /**
   * A wait blocked on a running task is woken by the PUBLISH of its result: it is subscribed before
   * the worker stores, and the result arrives (celery/backends/redis.py ResultConsumer).
   */
  @Test
  void aWaitIsWokenByTheWorkersPublish() {
    String release = "release-" + UUID.randomUUID();
    AsyncResult<String> blocked = app.sendTask("tasks.wait_for_release", release);
    CompletableFuture<TaskMeta> waited =
        CompletableFuture.supplyAsync(
            () -> app.backend().waitFor(blocked.id(), GetOptions.defaults().timeout(WAIT)));
    String channel = app.backend().keyForTask(blocked.id());
    await().atMost(WAIT).until(() -> probe.subscribers(channel) == 1);
    assertThat(waited).isNotDone();

    probe.commands().lpush(release, "released");

    TaskMeta meta = waited.join();
    assertThat(meta.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(meta.result()).isEqualTo("released");
    await().atMost(WAIT).until(() -> probe.subscribers(channel) == 0);
  }

  /**
   * {@code on_message} sees each PROGRESS the task reports with update_state, then its SUCCESS, on
   * the waiting thread (celery/backends/asynchronous.py BaseResultConsumer.on_state_change).
   */
  @Test
  void onMessageSeesEveryProgressUpdate() {
    String release = "release-" + UUID.randomUUID();
    AsyncResult<Integer> progress =
        app.sendTask("tasks.progress", List.of(2, release), Map.of(), ApplyOptions.defaults());
    List<TaskMeta> messages = new CopyOnWriteArrayList<>();
    List<Thread> threads = new CopyOnWriteArrayList<>();
    CompletableFuture<Integer> done =
        CompletableFuture.supplyAsync(
            () ->
                progress.get(
                    GetOptions.defaults()
                        .timeout(WAIT)
                        .onMessage(
                            m -> {
                              messages.add(m);
                              threads.add(Thread.currentThread());
                            })));
    String channel = app.backend().keyForTask(progress.id());
    await().atMost(WAIT).until(() -> probe.subscribers(channel) == 1);

    probe.commands().lpush(release, "go");

    assertThat(done.join()).isEqualTo(2);
    List<TaskMeta> afterRelease =
        messages.stream().filter(m -> m.state() != TaskState.STARTED).toList();
    assertThat(afterRelease)
        .extracting(TaskMeta::state)
        .containsExactly(TaskState.of("PROGRESS"), TaskState.of("PROGRESS"), TaskState.SUCCESS);
    assertThat(afterRelease.get(0).result()).isEqualTo(Map.of("current", 1, "total", 2));
    assertThat(afterRelease.get(1).result()).isEqualTo(Map.of("current", 2, "total", 2));
    assertThat(threads)
        .as("on_message runs on the waiting thread")
        .hasSameElementsAs(List.of(threads.get(0)));
  }

  /** A task that calls others stores them as its children (Celery's trail=True). */
  @Test
  void childrenOfATaskAreItsCalledTasks() {
    AsyncResult<List<String>> spawn = app.sendTask("tasks.spawn", 2);
    List<String> childIds = spawn.get(WAIT);
    assertThat(spawn.children())
        .extracting(c -> ((AsyncResult<?>) c).id())
        .containsExactlyElementsOf(childIds);
    List<Object> values =
        spawn.children().stream()
            .map(c -> ((AsyncResult<?>) c).get(WAIT))
            .map(Object.class::cast)
            .toList();
    assertThat(values).containsExactly(0, 2);
  }

  /**
   * The worker reads the args, kwargs and headers of the message Java sent (Celery's
   * AMQP.as_task_v2 headers: id, root_id, parent_id, retries, argsrepr, kwargsrepr, origin).
   */
  @Test
  void theWorkerSeesTheArgumentsAndHeadersJavaSent() {
    AsyncResult<Map<String, Object>> echo =
        app.sendTask(
            "tasks.echo",
            List.of(1, "a"),
            Map.of("flag", true),
            ApplyOptions.defaults().header("stamp", "s1"));
    Map<String, Object> seen = echo.get(WAIT);
    assertThat(seen)
        .containsEntry("args", List.of(1, "a"))
        .containsEntry("kwargs", Map.of("flag", true));
    @SuppressWarnings("unchecked")
    Map<String, Object> request = (Map<String, Object>) seen.get("request");
    assertThat(request)
        .containsEntry("id", echo.id())
        .containsEntry("task", "tasks.echo")
        .containsEntry("root_id", echo.id())
        .containsEntry("parent_id", null)
        .containsEntry("retries", 0)
        .containsEntry("routing_key", "celery")
        .containsEntry("argsrepr", "[1, 'a']") // saferepr(args) of send_task(args=[1, 'a'])
        .containsEntry("kwargsrepr", "{'flag': True}")
        .containsEntry("hostname", celery.worker().hostname());
    assertThat((String) request.get("origin"))
        .startsWith("gen" + ProcessHandle.current().pid() + "@");
  }

  /** With result_extended the worker stores name, args, kwargs, worker and queue. */
  @Test
  void resultExtendedFieldsReadBack() {
    AsyncResult<Integer> sum = app.sendTask("tasks.add", 20, 22);
    assertThat(sum.get(WAIT)).isEqualTo(42);
    TaskMeta meta = app.backend().getTaskMeta(sum.id());
    assertThat(meta.name()).isEqualTo("tasks.add");
    assertThat(meta.args()).containsExactly(20, 22);
    assertThat(meta.kwargs()).isEmpty();
    assertThat(meta.worker()).isEqualTo(celery.worker().hostname());
    assertThat(meta.queue()).isEqualTo("celery");
    assertThat(meta.dateDone()).isBefore(Instant.now().plusSeconds(1));
  }

  /** A countdown becomes the message's eta: the task does not run before it (as_task_v2). */
  @Test
  void aCountdownDelaysTheTask() {
    Instant sent = Instant.now();
    AsyncResult<Integer> later =
        app.sendTask(
            "tasks.add",
            List.of(1, 1),
            Map.of(),
            ApplyOptions.defaults().countdown(Duration.ofMillis(700)));
    assertThat(later.get(WAIT)).isEqualTo(2);
    assertThat(later.dateDone()).isAfterOrEqualTo(sent.plusMillis(700));
  }

  /** A message whose expires is past is revoked by the worker (Request.revoked, 'expired'). */
  @Test
  void anExpiredMessageIsRevokedByTheWorker() {
    AsyncResult<Integer> expired =
        app.sendTask(
            "tasks.add",
            List.of(1, 1),
            Map.of(),
            ApplyOptions.defaults().expires(Instant.now().minusSeconds(5)));
    assertThatThrownBy(() -> expired.get(WAIT)).isInstanceOf(TaskRevokedException.class);
    assertThat(expired.state()).isEqualTo(TaskState.REVOKED);
  }

  /** A plain signature is sent as Signature.apply_async; the worker runs it. */
  @Test
  void aPlainSignatureIsSentAndRun() {
    ResultBase viaSignature = app.signature("tasks.mul", 6, 7).applyAsync(List.of());
    assertThat(((AsyncResult<?>) viaSignature).get(WAIT)).isEqualTo(42);
  }
}
