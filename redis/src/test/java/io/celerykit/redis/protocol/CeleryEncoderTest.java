package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.RevokeOptions;
import io.celerykit.wire.EncodeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The encoder's behaviours beyond the golden cases: ids, refusals, options, the pidbox clock. */
class CeleryEncoderTest {
  private static final InMemoryCelery APP = InMemoryCelery.create();
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

  @AfterAll
  static void closeApp() {
    APP.close();
  }

  private static CeleryEncoder encoder(ProtocolSettings settings) {
    AtomicInteger ids = new AtomicInteger();
    AtomicInteger tags = new AtomicInteger();
    return CeleryEncoder.create(settings.origin("gen1@test"), Clock.fixed(NOW, ZoneOffset.UTC))
        .ids(() -> "id-" + ids.incrementAndGet())
        .deliveryTags(() -> "tag-" + tags.incrementAndGet());
  }

  private final CeleryEncoder encoder = encoder(ProtocolSettings.defaults());

  @Test
  void sendTaskDeclaresTheQueueThenPushesTheEnvelope() {
    Publication p = encoder.sendTask("tasks.add", List.of(2, 3), Map.of(), ApplyOptions.defaults());
    assertThat(p.commands())
        .extracting(RedisCommand::purpose)
        .containsExactly(RedisCommand.Purpose.QUEUE_BINDING, RedisCommand.Purpose.TASK_MESSAGE);
    assertThat(p.commands().get(1).key()).isEqualTo("celery");
    assertThat(p.commands().get(1).value()).isEqualTo(p.envelopes().get(0).toJson());
    assertThat(p.envelopes().get(0).payload()).isEqualTo(p.messages().get(0).bodyJson());
    assertThat(p.envelopes().get(0).deliveryTag()).isEqualTo("tag-1");
    assertThat(p.result()).isEqualTo(new ResultShape.Task("id-1", null, false));
  }

  @Test
  void aZeroCountdownSendsNoEta() {
    // celery/app/amqp.py as_task_v2: `if countdown:` is false for 0
    Publication p =
        encoder.sendTask(
            "tasks.add", List.of(), Map.of(), ApplyOptions.defaults().countdown(Duration.ZERO));
    assertThat(p.messages().get(0).headers().get("eta")).isNull();
  }

  @Test
  void anExpiryInThePastExpiresAtOnce() {
    // celery/app/base.py send_task: a negative expires_s becomes 0
    Publication p =
        encoder.sendTask(
            "tasks.add", List.of(), Map.of(), ApplyOptions.defaults().expires(NOW.minusSeconds(5)));
    assertThat(p.envelopes().get(0).properties().get("expiration")).isEqualTo("0");
    assertThat(p.messages().get(0).headers().get("expires")).isEqualTo("2024-05-06T07:08:04+00:00");
  }

  @Test
  void ignoreResultMarksTheResultIgnored() {
    // send_task: result.ignored = ignore_result
    Publication p =
        encoder.sendTask(
            "tasks.add", List.of(), Map.of(), ApplyOptions.defaults().ignoreResult(true));
    assertThat(((ResultShape.Task) p.result()).ignored()).isTrue();
    assertThat(p.messages().get(0).headers().get("ignore_result")).isEqualTo(true);
  }

  @Test
  void aGroupSpendsAnIdEvenWhenItsIdIsGiven() {
    // celery/canvas.py group._freeze_gid: options.pop('task_id', uuid()) evaluates uuid() first
    Publication p =
        encoder.applyAsync(
            Canvas.group(APP.signature("tasks.a"), APP.signature("tasks.b")),
            List.of(),
            ApplyOptions.defaults().taskId("g"));
    assertThat(p.result())
        .isEqualTo(
            new ResultShape.Group(
                "g",
                List.of(
                    new ResultShape.Task("id-2", null, false),
                    new ResultShape.Task("id-3", null, false)),
                null));
  }

  @Test
  void aLinkOnAGroupIsRefusedAsCeleryRefusesIt() {
    // group.apply_async: raise TypeError('Cannot add link to group: use a chord')
    assertThatThrownBy(
            () ->
                encoder.applyAsync(
                    Canvas.group(APP.signature("tasks.a")),
                    List.of(),
                    ApplyOptions.defaults().link(APP.signature("tasks.b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use a chord");
  }

  @Test
  void aChordSizeIsSetWithoutExpiryWhenResultsNeverExpire() {
    // celery/backends/redis.py _set: SETEX with result_expires, else SET; then PUBLISH
    CeleryEncoder forever = encoder(ProtocolSettings.defaults().resultExpires(Duration.ZERO));
    Publication p =
        forever.applyAsync(
            Canvas.chord(List.of(APP.signature("tasks.a")), APP.signature("tasks.tsum")),
            List.of(),
            ApplyOptions.defaults());
    List<List<String>> writes =
        p.commands().stream()
            .filter(c -> c.purpose() == RedisCommand.Purpose.CHORD_SIZE)
            .map(RedisCommand::toList)
            .toList();
    assertThat(writes)
        .containsExactly(
            List.of("SET", "celery-taskset-meta-id-1.s", "1"),
            List.of("PUBLISH", "celery-taskset-meta-id-1.s", "1"));
  }

  @Test
  void aValueWithoutAJsonFormIsRefusedBeforeAnythingIsEncoded() {
    assertThatThrownBy(
            () ->
                encoder.sendTask(
                    "tasks.add", List.of(Instant.EPOCH), Map.of(), ApplyOptions.defaults()))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("the arguments of tasks.add[0]")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(
            () ->
                encoder.applyAsync(
                    APP.signature("tasks.x", Duration.ZERO), List.of(), ApplyOptions.defaults()))
        .hasMessageContaining("the arguments of tasks.x[0]");
  }

  @Test
  void aSignatureDictHasCeleryKeysAndNoChordSize() {
    // celery/canvas.py Signature.__init__: task, args, kwargs, options, subtask_type, immutable
    Map<String, Object> dict =
        encoder.signatureDict(
            APP.signature("tasks.add", List.of(1), Map.of(), ApplyOptions.defaults().queue("pdf")));
    assertThat(dict.keySet())
        .containsExactly("task", "args", "kwargs", "options", "subtask_type", "immutable");
    assertThat(dict.get("options")).isEqualTo(Map.of("queue", "pdf"));
    assertThat(KombuJson.dumps(dict))
        .isEqualTo(
            "{\"task\": \"tasks.add\", \"args\": [1], \"kwargs\": {}, \"options\": {\"queue\":"
                + " \"pdf\"}, \"subtask_type\": null, \"immutable\": false}");
  }

  @Test
  void eachBroadcastAdvancesThePidboxClock() {
    // kombu/pidbox.py Mailbox._publish: headers={'clock': self.clock.forward(), ...}
    RedisCommand first = encoder.revoke("a", RevokeOptions.defaults());
    RedisCommand second = encoder.ids(() -> "other").revoke("b", RevokeOptions.defaults());
    assertThat(header(first, "clock")).isEqualTo("1");
    assertThat(header(second, "clock")).isEqualTo("2");
    assertThat(first.key()).isEqualTo("/0.celery.pidbox");
    assertThat(first.purpose()).isEqualTo(RedisCommand.Purpose.CONTROL_BROADCAST);
  }

  @Test
  void theBroadcastTimeoutSetsTheExpiresHeader() {
    // Mailbox._publish: 'expires': time() + timeout if timeout else 0
    RedisCommand later =
        encoder.revoke("a", RevokeOptions.defaults().timeout(Duration.ofMillis(2500)));
    RedisCommand never =
        encoder.broadcast("rate_limit", Map.of("task_name", "tasks.add"), null, Duration.ZERO);
    assertThat(later.value()).contains("\"headers\": {\"clock\": 1, \"expires\": 1714979291.5}");
    assertThat(header(never, "expires")).isEqualTo("0");
  }

  @SuppressWarnings("unchecked")
  private static String header(RedisCommand broadcast, String name) {
    Map<String, Object> headers =
        (Map<String, Object>) GoldenVectors.parse(broadcast.value()).get("headers");
    return String.valueOf(headers.get(name));
  }

  @Test
  void revokingAndWaitingForRepliesIsRefused() {
    assertThatThrownBy(() -> encoder.revoke("a", RevokeOptions.defaults().waitForReplies(true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reply=True");
  }

  @Test
  void eachEncoderHasItsOwnReplyToUnlessTheSettingsGiveOne() {
    CeleryEncoder a = CeleryEncoder.create(ProtocolSettings.defaults(), Clock.systemUTC());
    CeleryEncoder b = CeleryEncoder.create(ProtocolSettings.defaults(), Clock.systemUTC());
    assertThat(a.replyTo()).isNotEqualTo(b.replyTo());
    assertThat(
            CeleryEncoder.create(ProtocolSettings.defaults().replyTo("oid"), Clock.systemUTC())
                .replyTo())
        .isEqualTo("oid");
  }

  @Test
  void blankNamesAndIdsAreRefused() {
    assertThatThrownBy(() -> encoder.sendTask(" ", List.of(), Map.of(), ApplyOptions.defaults()))
        .hasMessageContaining("task name");
    assertThatThrownBy(() -> encoder.revoke(List.of("a", " "), RevokeOptions.defaults()))
        .hasMessageContaining("non-blank");
    assertThatThrownBy(
            () -> encoder.ids(() -> "").sendTask("t", List.of(), Map.of(), ApplyOptions.defaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("blank id");
  }
}
