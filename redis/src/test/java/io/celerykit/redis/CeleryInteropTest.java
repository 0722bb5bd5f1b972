package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Java and a real Celery worker write to the result backend is the same, byte for byte: a meta
 * the worker stored, read and stored again by Java, is the text Python wrote; a meta Java stored
 * reads back in Python's {@code AsyncResult(id).get()} with the same value, and Python encodes it
 * to the text Java wrote; both give the key {@code result_expires} as its TTL.
 */
@Tag("real-celery")
class CeleryInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration EXPIRES = Duration.ofSeconds(900);

  @RegisterExtension
  static final RealCelery celery =
      RealCelery.withWorker(w -> w.name("interop").resultExtended(true).resultExpires(EXPIRES));

  private static RedisCelery app;
  private static RedisProbe probe;

  @BeforeAll
  static void connect() {
    app =
        RedisCelery.create(
            RedisCeleryConfig.defaults().brokerUrl(celery.url()).resultExpires(EXPIRES));
    probe = RedisProbe.connect(celery.url());
  }

  @AfterAll
  static void disconnect() {
    app.close();
    probe.close();
  }

  private static String raw(String taskId) {
    return probe.commands().get(app.backend().keyForTask(taskId));
  }

  /**
   * A success, a failure (with traceback) and a task with children, as the worker stored them, are
   * stored again by Java as the very same text (BaseKeyValueStoreBackend._store_result).
   */
  @Test
  void javaWritesTheTextPythonWrote() {
    AsyncResult<Integer> sum = app.sendTask("tasks.add", 2, 3);
    AsyncResult<Object> failed = app.sendTask("tasks.fail", "custom", "mine");
    AsyncResult<List<String>> parent = app.sendTask("tasks.spawn", 2);
    sum.get(WAIT);
    failed.outcome(io.celerykit.result.GetOptions.defaults().timeout(WAIT));
    for (String child : parent.get(WAIT)) {
      app.asyncResult(child).get(WAIT);
    }
    for (String id : List.of(sum.id(), failed.id(), parent.id())) {
      String python = raw(id);
      assertThat(python).isNotNull();
      TaskMeta meta = app.backend().getTaskMeta(id);
      app.backend().forget(id);
      app.backend().store(meta);
      assertThat(raw(id)).as("the meta of %s", meta.state()).isEqualTo(python);
    }
  }

  /**
   * A meta Java stored reads back in Python's AsyncResult.get() with the same state, value,
   * traceback, date and children, and Python's backend encodes it to the text Java wrote.
   */
  @Test
  void pythonReadsWhatJavaStored() {
    String id = "java-" + UUID.randomUUID();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("x", Arrays.asList(1, 2.5, "é", null, true));
    value.put("nested", Map.of("k", List.of()));
    Instant done = Instant.parse("2026-11-24T10:00:00.123456Z");
    TaskMeta meta =
        TaskMeta.builder(id, TaskState.SUCCESS)
            .result(value)
            .children(List.of(ResultTuple.of(id + "-child", null)))
            .dateDone(done)
            .extended("tasks.made.in.java", List.of(1, "two"), Map.of("k", 3), "java@host", "q")
            .retries(0)
            .build();
    app.backend().store(meta);

    Map<String, Object> seen = inspect(id);
    assertThat(seen)
        .containsEntry("state", "SUCCESS")
        .containsEntry("value", value)
        .containsEntry("traceback", null)
        .containsEntry("date_done", "2026-11-24T10:00:00.123456")
        .containsEntry("children", List.of(id + "-child"))
        .containsEntry("name", "tasks.made.in.java")
        .containsEntry("args", List.of(1, "two"))
        .containsEntry("kwargs", Map.of("k", 3));
    assertThat(app.<String>sendTask("tasks.encode_meta", id).get(WAIT)).isEqualTo(raw(id));
  }

  /** A failure Java stored is a Python exception of that type, module and arguments. */
  @Test
  void pythonRaisesTheFailureJavaStored() {
    String id = "java-" + UUID.randomUUID();
    String traceback = "Traceback (most recent call last):\nValueError: bad\n";
    app.backend()
        .store(
            TaskMeta.builder(id, TaskState.FAILURE)
                .result(new RemoteTaskException("ValueError", "builtins", List.of("bad", 3), null))
                .traceback(traceback)
                .dateDone(Instant.parse("2026-11-24T10:00:00Z"))
                .build());

    Map<String, Object> seen = inspect(id);
    assertThat(seen)
        .containsEntry("state", "FAILURE")
        .containsEntry(
            "value",
            Map.of("exc_type", "ValueError", "exc_module", "builtins", "args", List.of("bad", 3)))
        .containsEntry("traceback", traceback)
        .containsEntry("date_done", "2026-11-24T10:00:00");
    assertThat(app.<String>sendTask("tasks.encode_meta", id).get(WAIT)).isEqualTo(raw(id));
  }

  /** The worker's result and Java's have result_expires as their TTL (RedisBackend.set). */
  @Test
  void bothGiveTheKeyResultExpiresAsItsTtl() {
    AsyncResult<Integer> sum = app.sendTask("tasks.add", 1, 2);
    sum.get(WAIT);
    String javaId = "java-" + UUID.randomUUID();
    app.backend().store(TaskMeta.success(javaId, 3));
    long python = probe.commands().ttl(app.backend().keyForTask(sum.id()));
    long java = probe.commands().ttl(app.backend().keyForTask(javaId));
    assertThat(python).isBetween(EXPIRES.getSeconds() - 5, EXPIRES.getSeconds());
    assertThat(java).isBetween(EXPIRES.getSeconds() - 5, EXPIRES.getSeconds());
  }

  private static Map<String, Object> inspect(String id) {
    AsyncResult<Map<String, Object>> inspected = app.sendTask("tasks.inspect_result", id);
    return inspected.get(WAIT);
  }
}
