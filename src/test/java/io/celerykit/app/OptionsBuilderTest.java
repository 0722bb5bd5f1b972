package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ApplyOptions and TaskOptions: each wither changes one keyword on a copy and keeps the rest. */
class OptionsBuilderTest {
  private static final Instant T0 = VirtualClock.DEFAULT_START;

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

  @Test
  void everyApplyOptionsWitherKeepsTheOtherKeywords() {
    Signature cb = add.s(1);
    Signature eb = add.s(2);

    ApplyOptions o =
        ApplyOptions.defaults()
            .taskId("t1")
            .countdown(Duration.ofSeconds(3))
            .expires(Duration.ofMinutes(1))
            .queue("q")
            .header("stamp", "a")
            .ignoreResult(true)
            .link(cb)
            .linkError(eb);

    assertThat(o.taskId()).isEqualTo("t1");
    assertThat(o.countdown()).isEqualTo(Duration.ofSeconds(3));
    assertThat(o.eta()).isNull();
    assertThat(o.expiresIn()).isEqualTo(Duration.ofMinutes(1));
    assertThat(o.queue()).isEqualTo("q");
    assertThat(o.headers()).containsExactly(Map.entry("stamp", "a"));
    assertThat(o.ignoreResult()).isTrue();
    assertThat(o.link()).containsExactly(cb);
    assertThat(o.linkError()).containsExactly(eb);
    assertThat(o.keywordsSet())
        .containsExactly(
            "task_id",
            "countdown",
            "expires",
            "queue",
            "headers",
            "ignore_result",
            "link",
            "link_error");
    assertThat(ApplyOptions.defaults().taskId()).isNull();
    assertThat(ApplyOptions.defaults().keywordsSet()).isEmpty();
  }

  /** The send_task keywords of celery/app/base.py that a service sets, kept with the others. */
  @Test
  void priorityRoutingKeyTimeLimitsAndShadowAreKeptWithTheOtherKeywords() {
    ApplyOptions o =
        ApplyOptions.defaults()
            .queue("pdf")
            .priority(7)
            .routingKey("pdf.high")
            .timeLimit(Duration.ofSeconds(60))
            .softTimeLimit(Duration.ofSeconds(50))
            .shadow("render-q3");

    assertThat(o.queue()).isEqualTo("pdf");
    assertThat(o.priority()).isEqualTo(7);
    assertThat(o.routingKey()).isEqualTo("pdf.high");
    assertThat(o.timeLimit()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.softTimeLimit()).isEqualTo(Duration.ofSeconds(50));
    assertThat(o.shadow()).isEqualTo("render-q3");
    assertThat(o.keywordsSet())
        .containsExactly(
            "queue", "priority", "routing_key", "time_limit", "soft_time_limit", "shadow");
    assertThat(ApplyOptions.defaults().priority()).isNull();
  }

  @Test
  void badPrioritiesAndTimeLimitsAreRefusedNamingTheKeyword() {
    assertThatThrownBy(() -> ApplyOptions.defaults().priority(256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority")
        .hasMessageContaining("256");
    assertThatThrownBy(() -> ApplyOptions.defaults().priority(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> ApplyOptions.defaults().timeLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time_limit");
    assertThatThrownBy(() -> ApplyOptions.defaults().softTimeLimit(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("soft_time_limit");
    assertThatThrownBy(() -> ApplyOptions.defaults().routingKey(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("routing_key");
  }

  /** The in-memory worker cannot simulate priorities: a prioritised task simply runs. */
  @Test
  void theInMemoryEngineIgnoresPriority() {
    AsyncResult<Integer> r =
        app.sendTask("tasks.add", List.of(2, 3), Map.of(), ApplyOptions.defaults().priority(9));
    assertThat(r.get()).isEqualTo(5);
  }

  @Test
  void expiresAsAnInstantReplacesExpiresAsADelayAndBack() {
    ApplyOptions o = ApplyOptions.defaults().expires(Duration.ofSeconds(5)).expires(T0);

    assertThat(o.expiresIn()).isNull();
    assertThat(o.expiresAt()).isEqualTo(T0);
    assertThat(o.expires(Duration.ofSeconds(1)).expiresAt()).isNull();
  }

  @Test
  void headersKeepTheirOrderAndPythonsNone() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("z", 1);
    given.put("a", null);

    ApplyOptions o = ApplyOptions.defaults().headers(given).header("m", null);

    assertThat(o.headers().keySet()).containsExactly("z", "a", "m");
    assertThat(o.headers()).containsEntry("a", null);
    assertThatThrownBy(() -> o.headers().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyTaskOptionsWitherKeepsTheOtherSettings() {
    CeleryConfig config = CeleryConfig.defaults();

    TaskOptions o =
        TaskOptions.defaults()
            .trail(false)
            .ignoreResult(true)
            .maxRetries((Integer) null)
            .defaultRetryDelay(Duration.ofSeconds(7))
            .trackStarted(true);

    assertThat(o.trail()).isFalse();
    assertThat(o.ignoreResult(config)).isTrue();
    assertThat(o.maxRetries(config)).isNull();
    assertThat(o.defaultRetryDelay(config)).isEqualTo(Duration.ofSeconds(7));
    assertThat(o.trackStarted(config)).isTrue();
    assertThat(TaskOptions.defaults().trail()).isTrue();
    assertThat(TaskOptions.defaults().maxRetries(config)).isEqualTo(3);
    assertThat(TaskOptions.defaults().defaultRetryDelay(config)).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void taskAndAppRefuseBadRetrySettingsWithTheSameMessage() {
    assertThat(messageOf(() -> TaskOptions.defaults().maxRetries(-1)))
        .isEqualTo(messageOf(() -> CeleryConfig.defaults().maxRetries(-1)))
        .contains("max_retries", "-1");
    assertThat(messageOf(() -> TaskOptions.defaults().defaultRetryDelay(Duration.ofSeconds(-1))))
        .isEqualTo(
            messageOf(() -> CeleryConfig.defaults().defaultRetryDelay(Duration.ofSeconds(-1))))
        .contains("default_retry_delay", "PT-1S");
    assertThat(messageOf(() -> TaskOptions.defaults().defaultRetryDelay((Duration) null)))
        .isEqualTo(messageOf(() -> CeleryConfig.defaults().defaultRetryDelay(null)));
  }

  private static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected an IllegalArgumentException");
  }
}
