package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.app.Signature;
import io.celerykit.redis.protocol.CeleryEncoder;
import io.celerykit.redis.protocol.GoldenVectors;
import io.celerykit.redis.protocol.RedisCommand;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.RevokeOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisCelery} sends exactly what Celery 5.2.6 sends: each call goes through the encoders
 * and its commands reach the publisher in Celery's order, compared here with the golden vectors
 * recorded from real Celery ({@code src/test/python/golden_messages.py}), given the ids, clock,
 * origin and reply_to the recording fixed; and the results it returns have Celery's structure,
 * bound to the app.
 */
class RedisCeleryWiringTest {
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123456Z");
  private static final Instant PIDBOX_TIME = Instant.ofEpochSecond(1_715_000_000L, 250_000_000);
  private static final Set<String> WRITES = Set.of("LPUSH", "PUBLISH", "SADD", "SETEX", "SET");

  private final List<RedisCommand> sent = new CopyOnWriteArrayList<>();
  private RedisCelery app;

  private RedisCelery app(Instant now) {
    Function<io.celerykit.redis.protocol.ProtocolSettings, CeleryEncoder> encoders =
        settings ->
            CeleryEncoder.create(
                    settings
                        .origin("gen4242@golden-host")
                        .replyTo("5f0e2b4c-7d1a-3e8f-9b6c-0a1b2c3d4e5f"),
                    Clock.fixed(now, ZoneOffset.UTC))
                .ids(counter("00000000-0000-4000-8000-"))
                .deliveryTags(counter("dddddddd-0000-4000-8000-"));
    app =
        new RedisCelery(
            RedisCeleryConfig.defaults().brokerUrl("redis://127.0.0.1:1/0"),
            sent::addAll,
            encoders);
    return app;
  }

  @AfterEach
  void close() {
    if (app != null) {
      app.close();
    }
  }

  private static Supplier<String> counter(String prefix) {
    AtomicLong n = new AtomicLong();
    return () -> String.format("%s%012d", prefix, n.incrementAndGet());
  }

  /** celery/app/base.py send_task: the binding, then the message, exactly as Celery's. */
  @Test
  void sendTaskSendsCeleryscommands() {
    RedisCelery celery = app(NOW);
    AsyncResult<Object> r =
        celery.sendTask("tasks.add", List.of(2, 3), Map.of("debug", true), ApplyOptions.defaults());
    assertSentAsCelery("send_task_plain", r);
    assertThat(r.app()).isSameAs(celery);
    assertThat(r.backend()).isSameAs(celery.backend());
  }

  /** kombu's Redis transport: a priority picks the list of its step (celery\x06\x163). */
  @Test
  void aPriorityGoesToThePriorityStepsList() {
    RedisCelery celery = app(NOW);
    AsyncResult<Object> r =
        celery.sendTask("tasks.add", List.of(2, 3), Map.of(), ApplyOptions.defaults().priority(5));
    assertSentAsCelery("send_task_priority_5", r);
    assertThat(sent.get(1).key()).isEqualTo("celery\u0006\u00163");
  }

  /** app.send_task sets result.ignored when ignore_result is given (celery/app/base.py). */
  @Test
  void ignoreResultMarksTheResultIgnored() {
    RedisCelery celery = app(NOW);
    AsyncResult<Object> r =
        celery.sendTask(
            "tasks.add", List.of(2, 3), Map.of(), ApplyOptions.defaults().ignoreResult(true));
    assertSentAsCelery("send_task_ignore_result", r);
    assertThat(r.ignored()).isTrue();
    assertThat(r.get()).isNull(); // AsyncResult.get returns None at once when ignored
  }

  @Test
  void linksTravelInTheMessagesCallbacks() {
    RedisCelery celery = app(NOW);
    ApplyOptions linked =
        ApplyOptions.defaults()
            .link(celery.signature("tasks.a"))
            .link(celery.signature("tasks.b", 1));
    assertSentAsCelery(
        "send_task_two_links", celery.sendTask("tasks.add", List.of(2, 3), Map.of(), linked));
  }

  /** group.apply_async(task_id=...): every member carries the group id; nothing is saved. */
  @Test
  void aGroupWithAChosenIdSendsItsMembersAndReturnsAGroupResult() {
    RedisCelery celery = app(NOW);
    GroupResult g =
        Canvas.group(
                sig(celery, "tasks.add", 1, 1),
                sig(celery, "tasks.add", 2, 2),
                sig(celery, "tasks.add", 3, 3))
            .applyAsync(List.of(), ApplyOptions.defaults().taskId("my-group-id"));
    assertSentAsCelery("group_of_three_with_group_id", g);
    assertThat(g.id()).isEqualTo("my-group-id");
    assertThat(g.app()).isSameAs(celery);
    assertThat(g.results()).allSatisfy(r -> assertThat(r.app()).isSameAs(celery));
  }

  /** chain.apply_async: the steps frozen last first, each result's parent the step before. */
  @Test
  void aChainReturnsTheLastStepWithItsParents() {
    RedisCelery celery = app(NOW);
    AsyncResult<Object> last =
        Canvas.chain(
                sig(celery, "tasks.add", 2, 2),
                sig(celery, "tasks.mul", 8),
                sig(celery, "tasks.add", 1))
            .applyAsync();
    assertSentAsCelery("chain_of_three", last);
    assertThat(last.parent().parent().app()).isSameAs(celery);
  }

  /**
   * chord.run and the Redis backend's set_chord_size: the header's members, the SETEX and PUBLISH
   * of the chord size, the body's result with the header's group as parent.
   */
  @Test
  void aChordWritesItsSizeAndReturnsTheBodyWithTheHeaderAsParent() {
    RedisCelery celery = app(NOW);
    AsyncResult<Object> body =
        Canvas.chord(
                List.of(sig(celery, "tasks.add", 1, 1), sig(celery, "tasks.add", 2, 2)),
                sig(celery, "tasks.tsum"))
            .applyAsync();
    assertSentAsCelery("chord_of_two", body);
    assertThat(sent)
        .filteredOn(c -> c.purpose() == RedisCommand.Purpose.CHORD_SIZE)
        .extracting(RedisCommand::name)
        .containsExactly("SETEX", "PUBLISH");
    assertThat(body.parent()).isInstanceOf(GroupResult.class);
  }

  /** RedisBackend.apply_chord saves the header when its results nest a group. */
  @Test
  void aChordWhoseHeaderNestsAGroupSavesTheHeader() {
    RedisCelery celery = app(NOW);
    ResultBase r =
        Canvas.chord(
                List.of(
                    Canvas.chain(
                        sig(celery, "tasks.a"),
                        Canvas.group(sig(celery, "tasks.b"), sig(celery, "tasks.c"))),
                    sig(celery, "tasks.d")),
                sig(celery, "tasks.tsum"))
            .applyAsync(List.of());
    assertSentAsCelery("chord_whose_header_has_a_chain_ending_in_a_group", r);
  }

  @Test
  void aGroupOfChordsNestsAsCeleryNestsIt() {
    RedisCelery celery = app(NOW);
    GroupResult g =
        Canvas.group(
                Canvas.chord(
                    List.of(sig(celery, "tasks.a"), sig(celery, "tasks.b")),
                    sig(celery, "tasks.tsum")),
                sig(celery, "tasks.c"))
            .applyAsync();
    assertSentAsCelery("group_in_group_of_chords", g);
  }

  /** AsyncResult.revoke: control.revoke(self.id, ...), one PUBLISH on the pidbox, reply=False. */
  @Test
  void revokeOfAResultIsOnePidboxBroadcast() {
    RedisCelery celery = app(PIDBOX_TIME);
    celery.asyncResult("00000000-0000-4000-8000-000000000abc").revoke();
    assertSentAsCelery("revoke", null);
  }

  @Test
  void revokeWithTerminateAndSignalCarriesThem() {
    RedisCelery celery = app(PIDBOX_TIME);
    celery
        .asyncResult("00000000-0000-4000-8000-000000000abc")
        .revoke(RevokeOptions.defaults().terminate(true).signal("SIGKILL"));
    assertSentAsCelery("revoke_terminate_signal", null);
  }

  /** ResultSet.revoke: control.revoke([r.id for r in self.results], ...). */
  @Test
  void revokeOfASetSendsItsIdsAsAList() {
    RedisCelery celery = app(PIDBOX_TIME);
    celery
        .resultSet(
            List.of(
                celery.asyncResult("id-1"), celery.asyncResult("id-2"), celery.asyncResult("id-3")))
        .revoke();
    assertSentAsCelery("revoke_several_ids", null);
  }

  private static Signature sig(RedisCelery celery, String name, Object... args) {
    return celery.signature(name, args);
  }

  @SuppressWarnings("unchecked")
  private void assertSentAsCelery(String golden, ResultBase result) {
    Map<String, Object> vector = GoldenVectors.golden(golden);
    List<List<String>> expected = new ArrayList<>();
    for (Map<String, Object> command : (List<Map<String, Object>>) vector.get("commands")) {
      List<String> args = (List<String>) command.get("args");
      if (WRITES.contains(args.get(0))) {
        expected.add(args);
      }
    }
    List<List<String>> actual = sent.stream().map(RedisCommand::toList).toList();
    assertThat(onceEachBinding(actual)).as(golden).isEqualTo(onceEachBinding(expected));
    if (result != null) {
      assertThat(shape(result)).as(golden + ": the result").isEqualTo(vector.get("result"));
    }
  }

  /** kombu declares a queue once per pooled connection; compare each binding once. */
  private static List<List<String>> onceEachBinding(List<List<String>> commands) {
    Set<List<String>> seen = new HashSet<>();
    List<List<String>> out = new ArrayList<>();
    for (List<String> c : commands) {
      if (!c.get(0).equals("SADD") || seen.add(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static Map<String, Object> shape(ResultBase r) {
    if (r == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", r instanceof GroupResult ? "GroupResult" : "AsyncResult");
    out.put("id", r instanceof GroupResult g ? g.id() : ((AsyncResult<?>) r).id());
    if (r instanceof GroupResult g) {
      out.put("results", g.results().stream().map(RedisCeleryWiringTest::shape).toList());
    }
    out.put("parent", shape(r.parent()));
    return out;
  }
}
