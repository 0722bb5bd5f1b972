package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default publisher against a real Redis (no worker): kombu declares a queue once per
 * connection (one SADD for many messages), and the result backend's set_chord_size is one
 * MULTI/EXEC of SETEX and PUBLISH under the backend's global_keyprefix (RedisBackend.set).
 */
@Tag("real-celery")
class RedisTaskPublisherTest {

  @RegisterExtension static final RealCelery redis = RealCelery.redisOnly();

  @Test
  void aQueueIsBoundOncePerConnection() {
    try (RedisCelery app = RedisCelery.connect(redis.url());
        RedisProbe probe = RedisProbe.connect(redis.url())) {
      probe.commands().configResetstat();
      ApplyOptions toBoundOnce = ApplyOptions.defaults().queue("bound-once");
      for (int i = 0; i < 3; i++) {
        app.sendTask("tasks.add", List.of(i, i), Map.of(), toBoundOnce);
      }
      assertThat(calls(probe, "sadd")).isEqualTo(1);
      assertThat(calls(probe, "lpush")).isEqualTo(3);
      assertThat(probe.commands().smembers("_kombu.binding.bound-once"))
          .containsExactly("bound-once\u0006\u0016\u0006\u0016bound-once");
      assertThat(probe.commands().llen("bound-once")).isEqualTo(3);
    }
  }

  @Test
  void theChordSizeIsSetAndPublishedInOneTransactionUnderTheGlobalKeyprefix() {
    RedisCeleryConfig config =
        RedisCeleryConfig.defaults()
            .brokerUrl(redis.url())
            .globalKeyprefix("pfx")
            .resultExpires(Duration.ofSeconds(600));
    try (RedisCelery app = RedisCelery.create(config);
        RedisProbe probe = RedisProbe.connect(redis.url())) {
      probe.commands().configResetstat();
      AsyncResult<Object> body =
          Canvas.chord(
                  List.of(app.signature("tasks.add", 1, 1), app.signature("tasks.add", 2, 2)),
                  app.signature("tasks.xsum"))
              .applyAsync();
      String groupId = ((GroupResult) body.parent()).id();
      String key = "pfx_celery-taskset-meta-" + groupId + ".s";
      assertThat(probe.commands().get(key)).isEqualTo("2");
      assertThat(probe.commands().ttl(key)).isBetween(590L, 600L);
      assertThat(calls(probe, "multi")).isEqualTo(1);
      assertThat(calls(probe, "exec")).isEqualTo(1);
      assertThat(calls(probe, "setex")).isEqualTo(1);
    }
  }

  /** How many times Redis ran a command since the stats were reset (INFO commandstats). */
  private static long calls(RedisProbe probe, String command) {
    Matcher m =
        Pattern.compile("cmdstat_" + command + ":calls=(\\d+)")
            .matcher(probe.commands().info("commandstats"));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }
}
