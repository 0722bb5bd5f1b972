package io.celerykit.redis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** kombu's Redis channel naming: {@code _q_for_pri}, {@code _get_publish_topic}, bindings. */
class KombuRedisTest {
  private final KombuRedis kombu = KombuRedis.defaults();

  @Test
  void priorityZeroToTwoUseTheQueueListItself() {
    // kombu/transport/redis.py _q_for_pri: no suffix for step 0
    assertThat(kombu.queueKey("celery", 0)).isEqualTo("celery");
    assertThat(kombu.queueKey("celery", 2)).isEqualTo("celery");
  }

  @Test
  void higherPrioritiesUseTheListOfTheirStepAfterSep() {
    // priority(n) = steps[bisect(steps, n) - 1] with priority_steps [0, 3, 6, 9]
    assertThat(kombu.queueKey("celery", 5)).isEqualTo("celery\u0006\u00163");
    assertThat(kombu.queueKey("celery", 6)).isEqualTo("celery\u0006\u00166");
    assertThat(kombu.queueKey("celery", 9)).isEqualTo("celery\u0006\u00169");
  }

  @Test
  void prioritiesAreClampedToZeroToNine() {
    // virtual/base.py _get_message_priority: max(min(priority, max_priority), min_priority)
    assertThat(kombu.priorityStep(200)).isEqualTo(9);
    assertThat(kombu.priorityStep(-4)).isEqualTo(0);
  }

  @Test
  void stepsThatDoNotStartAtZeroWrapAsPythonsNegativeIndexDoes() {
    // steps[bisect(steps, 1) - 1] is steps[-1] when 1 is below the first step
    KombuRedis odd = kombu.prioritySteps(List.of(3, 6));
    assertThat(odd.priorityStep(1)).isEqualTo(6);
    assertThat(odd.queueKey("q", 4)).isEqualTo("q\u0006\u00163");
  }

  @Test
  void fanoutChannelsArePrefixedWithTheDatabase() {
    // _get_pool: keyprefix_fanout = '/{db}.'.format(db=...)
    assertThat(kombu.fanoutChannel("celery.pidbox", "")).isEqualTo("/0.celery.pidbox");
    assertThat(kombu.db(3).fanoutChannel("celery.pidbox", null)).isEqualTo("/3.celery.pidbox");
    assertThat(kombu.fanoutPrefix(false).fanoutChannel("celery.pidbox", ""))
        .isEqualTo("celery.pidbox");
    assertThat(kombu.fanoutPrefix("/x{db}:").db(2).fanoutChannel("e", "")).isEqualTo("/x2:e");
  }

  @Test
  void routingKeysNameFanoutChannelsOnlyWithPatterns() {
    assertThat(kombu.fanoutChannel("ev", "task.#")).isEqualTo("/0.ev/task.#");
    assertThat(kombu.fanoutPatterns(false).fanoutChannel("ev", "task.#")).isEqualTo("/0.ev");
  }

  @Test
  void theGlobalKeyprefixPrefixesEveryKeyAndChannel() {
    // PrefixedStrictRedis: LPUSH, PUBLISH and SADD get global_keyprefix before their key
    KombuRedis prefixed = kombu.globalKeyprefix("app1:");
    assertThat(prefixed.queueKey("celery", 9)).isEqualTo("app1:celery\u0006\u00169");
    assertThat(prefixed.fanoutChannel("celery.pidbox", "")).isEqualTo("app1:/0.celery.pidbox");
    assertThat(prefixed.bindingKey("celery")).isEqualTo("app1:_kombu.binding.celery");
  }

  @Test
  void aQueueBindingJoinsRoutingKeyPatternAndQueueWithSep() {
    // _queue_bind: sadd(keyprefix_queue % exchange, sep.join([routing_key, pattern, queue]))
    RedisCommand bind = kombu.queueBind("pdf", "pdf", "pdf");
    assertThat(bind.toList())
        .containsExactly("SADD", "_kombu.binding.pdf", "pdf\u0006\u0016\u0006\u0016pdf");
    assertThat(bind.purpose()).isEqualTo(RedisCommand.Purpose.QUEUE_BINDING);
  }

  @Test
  void badSettingsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> kombu.db(-1)).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> kombu.prioritySteps(List.of(6, 3))).hasMessageContaining("ascending");
    assertThatThrownBy(() -> kombu.prioritySteps(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> kombu.sep("")).hasMessageContaining("non-empty");
  }
}
