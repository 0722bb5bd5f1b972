package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.ApplyOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The option objects and result values: defaults, refusals, Celery's {@code as_tuple}. */
class SettingsAndValuesTest {

  @Test
  void protocolSettingsDefaultToCelery526() {
    ProtocolSettings s = ProtocolSettings.defaults();
    assertThat(s.defaultQueue()).isEqualTo("celery");
    assertThat(s.timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.resultExpires()).isEqualTo(Duration.ofDays(1));
    assertThat(s.controlExchange()).isEqualTo("celery");
    assertThat(s.deliveryMode()).isEqualTo(2);
    assertThat(s.argsreprMaxsize()).isEqualTo(1024);
    assertThat(s.kwargsreprMaxsize()).isEqualTo(1024);
    assertThat(s.replyTo()).isNull();
    // celery/utils/nodenames.py anon_nodename: 'gen' + pid + '@' + hostname
    assertThat(s.origin()).startsWith("gen" + ProcessHandle.current().pid() + "@");
  }

  @Test
  void protocolSettingsRefuseBadValuesNamingThem() {
    ProtocolSettings s = ProtocolSettings.defaults();
    assertThatThrownBy(() -> s.defaultQueue(" ")).hasMessageContaining("task_default_queue");
    assertThatThrownBy(() -> s.deliveryMode(3)).hasMessageContaining("persistent");
    assertThatThrownBy(() -> s.resultExpires(Duration.ofSeconds(-1)))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> s.reprMaxsize(0, 10)).hasMessageContaining("positive");
  }

  @Test
  void sendOptionsKeepTheKeywordsInTheOrderSet() {
    SendOptions o = SendOptions.defaults().rootId("r").parentId("p").retries(2);
    assertThat(o.keywords().keySet()).containsExactly("root_id", "parent_id", "retries");
    assertThat(SendOptions.defaults().keywords()).isEmpty();
  }

  /** time_limit goes in seconds, a float when it has a fraction (celery/app/amqp.py as_task_v2). */
  @Test
  void applyOptionsTimeLimitsAreSentInSeconds() {
    CeleryEncoder encoder = CeleryEncoder.create(ProtocolSettings.defaults(), Clock.systemUTC());
    Publication p =
        encoder.sendTask(
            "tasks.add",
            List.of(1, 2),
            Map.of(),
            ApplyOptions.defaults()
                .timeLimit(Duration.ofMillis(1500))
                .softTimeLimit(Duration.ofSeconds(1)));
    assertThat(p.messages().get(0).headers().get("timelimit")).isEqualTo(List.of(1.5, 1L));
  }

  @Test
  void sendOptionsRefuseBadValues() {
    assertThatThrownBy(() -> SendOptions.defaults().rootId("")).hasMessageContaining("root_id");
    assertThatThrownBy(() -> SendOptions.defaults().groupIndex(-1))
        .hasMessageContaining("negative");
  }

  @Test
  void resultShapesGiveCeleryAsTuple() {
    // celery/result.py: AsyncResult.as_tuple() = ((id, parent_tuple), None);
    // GroupResult.as_tuple() = ((id, parent_tuple), [member tuples])
    ResultShape first = new ResultShape.Task("a", null, false);
    ResultShape group =
        new ResultShape.Group("g", List.of(new ResultShape.Task("b", null, false)), first);
    assertThat(first.asTuple()).isEqualTo(Arrays.asList(Arrays.asList("a", null), null));
    assertThat(KombuJson.dumps(group.asTuple()))
        .isEqualTo("[[\"g\", [[\"a\", null], null]], [[[\"b\", null], null]]]");
  }

  @Test
  void redisCommandsShowControlCharactersEscaped() {
    RedisCommand c = KombuRedis.defaults().put("celery", 5, "{}");
    assertThat(c.toString()).isEqualTo("LPUSH \"celery\\x06\\x163\" \"{}\" (TASK_MESSAGE)");
    assertThat(c.toList()).containsExactly("LPUSH", "celery\u0006\u00163", "{}");
    assertThat(c).isEqualTo(RedisCommand.of(RedisCommand.Purpose.TASK_MESSAGE, "LPUSH", c.args()));
  }
}
