package io.celerykit.redis.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Checks that the real components the real-celery tests start are installed, failing with the
 * Debian packages to install when not.
 */
public final class Prerequisites {
  /** The Redis server the fixtures start. */
  public static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

  /** The Python that has Celery (the {@code python3} on PATH may not). */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  static final String INSTALL = "apt-get install -y redis-server python3-celery python3-redis";

  private static volatile Boolean celeryInstalled;

  private Prerequisites() {}

  /** Fails unless /usr/bin/redis-server exists. */
  public static void requireRedisServer() {
    requireRedisServer(REDIS_SERVER);
  }

  static void requireRedisServer(Path server) {
    if (!Files.isExecutable(server)) {
      throw new IllegalStateException(
          server
              + " is missing: the real-celery tests start a Redis server. Install it: "
              + INSTALL);
    }
  }

  /** Fails unless /usr/bin/python3 can import celery and redis. */
  public static void requireCelery() {
    Boolean known = celeryInstalled;
    if (known == null) {
      known = probeCelery(PYTHON);
      celeryInstalled = known;
    }
    if (!known) {
      throw celeryMissing(PYTHON);
    }
  }

  static IllegalStateException celeryMissing(Path python) {
    return new IllegalStateException(
        python
            + " cannot import celery and redis: the real-celery tests start a Celery worker."
            + " Install them: "
            + INSTALL);
  }

  static boolean probeCelery(Path python) {
    if (!Files.isExecutable(python)) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder(
                  python.toString(), "-I", "-c", "import celery, redis, kombu.transport.redis")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      if (p.exitValue() != 0) {
        System.err.println(new String(out, StandardCharsets.UTF_8));
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
