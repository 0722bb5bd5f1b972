/**
 * Real components for tests of code that runs on the Redis engine: {@link
 * io.celerykit.redis.testing.RealCelery}, a JUnit 5 extension that starts Debian's {@code
 * /usr/bin/redis-server} on a free loopback port (never 6379) and a Celery 5.2.6 worker ({@code
 * /usr/bin/python3 -m celery -A <module> worker}) for a Python module of the test's, and stops both
 * after the class; {@link io.celerykit.redis.testing.RedisServerProcess} and {@link
 * io.celerykit.redis.testing.CeleryWorkerProcess} to start them by hand; {@link
 * io.celerykit.redis.testing.RedisProbe} to look at the Redis. When redis-server or Celery is
 * missing they fail naming the Debian packages: {@code apt-get install -y redis-server
 * python3-celery python3-redis}. The JUnit API is an optional dependency of this artifact: the
 * tests that use the extension bring it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealCelery real =
 *     RealCelery.withWorker(w -> w.module("reports_tasks").pythonDir(Path.of("src/test/python")));
 *
 * @Test
 * void rendersOnARealWorker() {
 *   try (RedisCelery celery = RedisCelery.connect(real.url())) { ... }
 * }
 * }</pre>
 */
package io.celerykit.redis.testing;
