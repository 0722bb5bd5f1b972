package io.celerykit.redis.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisConnectionException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fixtures start what they say and stop it by its pid, leaving nothing running: a Redis that
 * answers, stops and starts again on its port; a prefork worker whose pool children go with it.
 */
@Tag("real-celery")
class RealComponentsTest {

  @Test
  void aRedisServerAnswersStopsAndStartsAgainOnItsPort() {
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      long pid = redis.pid();
      try (RedisProbe probe = RedisProbe.connect(redis.url())) {
        probe.commands().set("k", "v");
        assertThat(probe.commands().ping()).isEqualTo("PONG");
      }
      redis.stop();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
      assertThat(redis.isRunning()).isFalse();
      assertThat(probeFails(redis.url())).isTrue();

      redis.startAgain();
      assertThat(redis.pid()).isNotEqualTo(pid);
      try (RedisProbe probe = RedisProbe.connect(redis.url())) {
        assertThat(probe.commands().get("k")).as("no persistence: an empty Redis").isNull();
      }
      assertThat(redis.log()).contains("Ready to accept connections");
    }
  }

  private static boolean probeFails(String url) {
    try (RedisProbe probe = RedisProbe.connect(url)) {
      return false;
    } catch (RedisConnectionException e) {
      return true;
    }
  }

  @Test
  void aPreforkWorkerStopsWithItsPoolChildren() {
    try (RedisServerProcess redis = RedisServerProcess.start()) {
      CeleryWorkerProcess worker =
          CeleryWorkerProcess.builder(redis)
              .name("prefork")
              .pool(CeleryWorkerProcess.Pool.PREFORK, 2)
              .start();
      List<ProcessHandle> children =
          ProcessHandle.of(worker.pid()).orElseThrow().descendants().toList();
      assertThat(children).hasSizeGreaterThanOrEqualTo(2);
      assertThat(worker.log()).contains("prefork@127.0.0.1 v5.2.6").contains("(prefork)");
      worker.close();
      assertThat(worker.isRunning()).isFalse();
      assertThat(worker.log()).contains("Warm shutdown");
      assertThat(children).noneMatch(ProcessHandle::isAlive);
    }
  }
}
