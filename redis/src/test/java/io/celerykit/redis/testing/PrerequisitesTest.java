package io.celerykit.redis.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A machine without Redis or Celery gets the Debian packages to install, not a puzzle. */
class PrerequisitesTest {

  @Test
  void aMissingRedisServerNamesThePackagesToInstall() {
    assertThatThrownBy(() -> Prerequisites.requireRedisServer(Path.of("/nonexistent/redis-server")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/redis-server")
        .hasMessageContaining("apt-get install -y redis-server python3-celery python3-redis");
  }

  @Test
  void aPythonWithoutCeleryNamesThePackagesToInstall() {
    assertThat(Prerequisites.probeCelery(Path.of("/nonexistent/python3"))).isFalse();
    assertThat(Prerequisites.celeryMissing(Path.of("/nonexistent/python3")))
        .hasMessageContaining("cannot import celery")
        .hasMessageContaining("apt-get install -y redis-server python3-celery python3-redis");
  }
}
