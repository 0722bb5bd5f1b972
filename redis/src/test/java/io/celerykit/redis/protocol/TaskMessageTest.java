package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.wire.EncodeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Celery's {@code AMQP.as_task_v2} message, protocol version 2. */
class TaskMessageTest {
  private final TaskMessage add = TaskMessage.of("id-1", "tasks.add").origin("gen1@host");

  @Test
  void headersFollowCeleryOrderAndTheRootIsTheTaskItselfByDefault() {
    // celery/app/amqp.py as_task_v2: `if not root_id: root_id = task_id`
    Map<String, Object> h = add.headers();
    assertThat(h.keySet())
        .containsExactly(
            "lang",
            "task",
            "id",
            "shadow",
            "eta",
            "expires",
            "group",
            "group_index",
            "retries",
            "timelimit",
            "root_id",
            "parent_id",
            "argsrepr",
            "kwargsrepr",
            "origin",
            "ignore_result");
    assertThat(h.get("root_id")).isEqualTo("id-1");
    assertThat(h.get("timelimit")).isEqualTo(Arrays.asList(null, null));
    assertThat(h.get("argsrepr")).isEqualTo("()");
    assertThat(add.rootId("").headers().get("root_id")).isEqualTo("id-1");
    assertThat(add.rootId("root").headers().get("root_id")).isEqualTo("root");
  }

  @Test
  void customHeadersReplaceCeleryOnesInPlaceAndOthersComeLast() {
    // send_task_message: headers2.update(headers)
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("tenant", "acme");
    custom.put("retries", 7);
    Map<String, Object> h = add.headers(custom).headers();
    assertThat(h.get("retries")).isEqualTo(7);
    assertThat(List.copyOf(h.keySet()).indexOf("retries")).isEqualTo(8);
    assertThat(List.copyOf(h.keySet()).get(h.size() - 1)).isEqualTo("tenant");
  }

  @Test
  void argumentsSentAsAListReprAsAListAndFromASignatureAsATuple() {
    // app.send_task(args=[2, 3]) keeps the list; Signature stores tuple(args)
    assertThat(add.args(List.of(2, 3)).headers().get("argsrepr")).isEqualTo("[2, 3]");
    assertThat(add.args(new PyTuple(List.of(2, 3))).headers().get("argsrepr")).isEqualTo("(2, 3)");
  }

  @Test
  void theBodyIsArgsKwargsAndTheEmbed() {
    TaskMessage m = add.args(List.of(2)).kwargs(Map.of("k", 1));
    assertThat(m.bodyJson())
        .isEqualTo(
            "[[2], {\"k\": 1}, {\"callbacks\": null, \"errbacks\": null, \"chain\": null,"
                + " \"chord\": null}]");
    assertThat(m.body()).hasSize(3);
    assertThat(m.properties())
        .containsExactly(Map.entry("correlation_id", "id-1"), Map.entry("reply_to", ""));
  }

  @Test
  void theEmbedHoldsSignatureDictsAsGiven() {
    Map<String, Object> sig = new LinkedHashMap<>();
    sig.put("task", "tasks.log");
    sig.put("args", List.of());
    TaskMessage m = add.callbacks(List.of(sig)).chain(List.of()).chord(sig);
    assertThat(m.embed().get("callbacks")).isEqualTo(List.of(sig));
    assertThat(m.embed().get("chain")).isEqualTo(List.of());
    assertThat(m.embed().get("chord")).isEqualTo(sig);
  }

  @Test
  void withersLeaveTheOriginalAsItWas() {
    add.eta("2024-05-06T08:00:00+00:00").ignoreResult(true);
    assertThat(add.headers().get("eta")).isNull();
    assertThat(add.headers().get("ignore_result")).isEqualTo(false);
  }

  @Test
  void badInputIsRefusedNamingIt() {
    assertThatThrownBy(() -> TaskMessage.of(" ", "tasks.add")).hasMessageContaining("task id");
    assertThatThrownBy(() -> add.args(List.of(Instant.EPOCH)))
        .isInstanceOf(EncodeException.class)
        .hasMessageContaining("args[0]")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> add.callbacks(List.of("tasks.log")))
        .hasMessageContaining("signature dicts");
  }
}
