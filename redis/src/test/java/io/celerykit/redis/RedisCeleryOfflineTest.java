package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.ApplyOptions;
import io.celerykit.redis.protocol.RedisCommand;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.RevokeOptions;
import io.celerykit.wire.CeleryJson;
import io.celerykit.wire.EncodeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisCelery}'s sending, with a publisher that keeps the broker commands instead of sending
 * them: the message of each {@code send_task} (celery/app/base.py send_task, celery/app/amqp.py
 * as_task_v2).
 */
class RedisCeleryOfflineTest {
  private final List<RedisCommand> sent = new CopyOnWriteArrayList<>();
  private RedisCelery app;

  @BeforeEach
  void create() {
    app =
        RedisCelery.create(
            RedisCeleryConfig.defaults()
                .brokerUrl("redis://127.0.0.1:1/0")
                .taskDefaultQueue("work"),
            sent::addAll);
  }

  @AfterEach
  void close() {
    app.close();
  }

  /** The one task message sent (after its queue's binding). */
  private Map<String, Object> message() {
    List<RedisCommand> messages =
        sent.stream().filter(c -> c.purpose() == RedisCommand.Purpose.TASK_MESSAGE).toList();
    assertThat(messages).hasSize(1);
    return map(CeleryJson.parse(messages.get(0).value(), "message"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  /** send_task pushes one message onto task_default_queue's list and returns its result. */
  @Test
  void sendTaskPushesOneMessageOntoTheDefaultQueue() {
    AsyncResult<Integer> r = app.sendTask("tasks.add", 2, 3);
    assertThat(sent.get(0).toList())
        .containsExactly("SADD", "_kombu.binding.work", "work\u0006\u0016\u0006\u0016work");
    assertThat(sent.get(1).name()).isEqualTo("LPUSH");
    assertThat(sent.get(1).key()).isEqualTo("work");
    Map<String, Object> m = message();
    Map<String, Object> headers = map(m.get("headers"));
    assertThat(headers)
        .containsEntry("lang", "py")
        .containsEntry("task", "tasks.add")
        .containsEntry("id", r.id())
        .containsEntry("root_id", r.id())
        .containsEntry("parent_id", null)
        .containsEntry("group", null)
        .containsEntry("retries", 0)
        .containsEntry("eta", null)
        .containsEntry("expires", null)
        .containsEntry("argsrepr", "[2, 3]") // saferepr(args) of send_task(args=[2, 3])
        .containsEntry("kwargsrepr", "{}")
        .containsEntry("ignore_result", false);
    assertThat((String) headers.get("origin")).startsWith("gen" + ProcessHandle.current().pid());
    String body =
        new String(Base64.getDecoder().decode((String) m.get("body")), StandardCharsets.UTF_8);
    assertThat(body)
        .isEqualTo(
            "[[2, 3], {}, {\"callbacks\": null, \"errbacks\": null, \"chain\": null, \"chord\":"
                + " null}]");
    Map<String, Object> properties = map(m.get("properties"));
    assertThat(properties)
        .containsEntry("correlation_id", r.id())
        .containsEntry("delivery_mode", 2)
        .containsEntry("priority", 0)
        .containsEntry("body_encoding", "base64")
        .containsEntry("delivery_info", Map.of("exchange", "", "routing_key", "work"));
    assertThat(r.backend()).isSameAs(app.backend());
  }

  /**
   * task_id, queue, countdown (as eta), expires, headers and ignore_result go into the message as
   * as_task_v2 puts them.
   */
  @Test
  void applyAsyncOptionsGoIntoTheMessage() {
    Instant before = Instant.now();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    kwargs.put("y", "it's");
    AsyncResult<Object> r =
        app.sendTask(
            "tasks.echo",
            List.of(1),
            kwargs,
            ApplyOptions.defaults()
                .taskId("my-id")
                .queue("pdf")
                .countdown(Duration.ofSeconds(10))
                .expires(Instant.parse("2030-01-02T03:04:05.000006Z"))
                .header("stamp", "s1")
                .ignoreResult(true));
    assertThat(r.id()).isEqualTo("my-id");
    assertThat(sent.get(1).key()).isEqualTo("pdf");
    Map<String, Object> headers = map(message().get("headers"));
    assertThat(headers)
        .containsEntry("id", "my-id")
        .containsEntry("expires", "2030-01-02T03:04:05.000006+00:00")
        .containsEntry("stamp", "s1")
        .containsEntry("ignore_result", true)
        .containsEntry("argsrepr", "[1]")
        .containsEntry("kwargsrepr", "{'y': 'it\\'s'}");
    Instant eta = Instant.parse(((String) headers.get("eta")).replace("+00:00", "Z"));
    assertThat(eta).isBetween(before.plusSeconds(10), Instant.now().plusSeconds(10));
  }

  /** A value JSON cannot carry is refused before anything is sent, as kombu's EncodeError. */
  @Test
  void anArgumentJsonCannotCarryIsRefused() {
    assertThatThrownBy(() -> app.sendTask("tasks.add", new Object(), 1))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("Object");
    assertThat(sent).isEmpty();
  }

  /** Bad calls fail at once, naming what is wrong. */
  @Test
  void badCallsAreRefused() {
    assertThatThrownBy(() -> app.sendTask(" ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task name");
    assertThatThrownBy(() -> app.sendTask("tasks.add", null, Map.of(), ApplyOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("args");
  }

  /** link and link_error travel in the message's callbacks and errbacks (as_task_v2). */
  @Test
  void linksTravelInTheMessage() {
    ApplyOptions linked =
        ApplyOptions.defaults()
            .link(app.signature("tasks.log", "done"))
            .linkError(app.signature("tasks.on_error"));
    app.sendTask("tasks.add", List.of(1, 2), Map.of(), linked);
    String body =
        new String(
            Base64.getDecoder().decode((String) message().get("body")), StandardCharsets.UTF_8);
    assertThat(body).contains("\"callbacks\": [{\"task\": \"tasks.log\"");
    assertThat(body).contains("\"errbacks\": [{\"task\": \"tasks.on_error\"");
  }

  /** Celery 5.2.6's control has no revoke_by_stamped_headers: it came in 5.3. */
  @Test
  void revokeByStampedHeadersNamesTheCeleryVersion() {
    assertThatThrownBy(
            () ->
                app.control()
                    .revokeByStampedHeaders(Map.of("tenant", "acme"), RevokeOptions.defaults()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Celery 5.2.6")
        .hasMessageContaining("Celery 5.3");
    assertThat(sent).isEmpty();
  }

  /** reply=True needs the pidbox reply queue, which the engine does not read: refused, unsent. */
  @Test
  void revokeThatWaitsForRepliesIsRefused() {
    assertThatThrownBy(
            () ->
                app.control().revoke(List.of("t1"), RevokeOptions.defaults().waitForReplies(true)))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("reply=True");
    assertThat(sent).isEmpty();
  }

  /** control.revoke never waits: the broadcast is published and the call returns. */
  @Test
  void revokeIsOnePublishOnThePidbox() {
    app.asyncResult("t1").revoke(RevokeOptions.defaults().terminate(true));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).purpose()).isEqualTo(RedisCommand.Purpose.CONTROL_BROADCAST);
    assertThat(sent.get(0).toList().subList(0, 2)).containsExactly("PUBLISH", "/0.celery.pidbox");
    Map<String, Object> envelope = map(CeleryJson.parse(sent.get(0).value(), "broadcast"));
    String body =
        new String(
            Base64.getDecoder().decode((String) envelope.get("body")), StandardCharsets.UTF_8);
    assertThat(body)
        .contains("\"method\": \"revoke\"")
        .contains("\"task_id\": \"t1\"")
        .contains("\"terminate\": true");
  }

  /** A partial signature's arguments come first, unless it is immutable (Signature.apply_async). */
  @Test
  void aSignatureIsSentWithItsPartialArgumentsFirst() {
    app.signature("tasks.add", 2).applyAsync(List.of(1));
    assertThat(map(message().get("headers"))).containsEntry("argsrepr", "[1, 2]");
  }
}
