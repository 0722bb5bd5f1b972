package io.celerykit.redis.testing;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A JUnit 5 extension that shares one real Redis (and, if asked, one real Celery worker over it)
 * among the tests of a class: started before the first test, stopped after the last; when a test
 * fails, the worker's and Redis's logs are printed with it. It starts Debian's {@code
 * /usr/bin/redis-server} on a free loopback port and {@code /usr/bin/python3 -m celery -A <module>
 * worker} (see {@link CeleryWorkerProcess} for what the Python module reads); when they are missing
 * it fails naming the packages: {@code apt-get install -y redis-server python3-celery
 * python3-redis}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealCelery celery =
 *     RealCelery.withWorker(w -> w.module("reports_tasks").resultExtended(true));
 *
 * @Test
 * void addsOnTheWorker() {
 *   try (RedisCelery app = RedisCelery.connect(celery.url())) { ... }
 * }
 * }</pre>
 */
public final class RealCelery implements BeforeAllCallback, AfterAllCallback, TestWatcher {
  private static final int LOG_LINES = 200;

  private final UnaryOperator<CeleryWorkerProcess.Builder> workerSettings;
  private RedisServerProcess redis;
  private CeleryWorkerProcess worker;

  /** The class context that started the components; nested classes share them. */
  private String startedBy;

  private RealCelery(UnaryOperator<CeleryWorkerProcess.Builder> workerSettings) {
    this.workerSettings = workerSettings;
  }

  /**
   * Shares a Redis, without worker.
   *
   * @return the extension
   */
  public static RealCelery redisOnly() {
    return new RealCelery(null);
  }

  /**
   * Shares a Redis and a worker with the given settings ({@code w -> w} for the defaults).
   *
   * @param settings changes to the worker's builder
   * @return the extension
   */
  public static RealCelery withWorker(UnaryOperator<CeleryWorkerProcess.Builder> settings) {
    return new RealCelery(settings);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (startedBy != null) {
      return; // a @Nested class of the class that started them
    }
    startedBy = context.getUniqueId();
    redis = RedisServerProcess.start();
    if (workerSettings != null) {
      try {
        worker = workerSettings.apply(CeleryWorkerProcess.builder(redis)).start();
      } catch (RuntimeException e) {
        redis.close();
        throw e;
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!context.getUniqueId().equals(startedBy)) {
      return;
    }
    startedBy = null;
    try {
      if (worker != null) {
        worker.close();
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    StringBuilder report = new StringBuilder();
    report.append("==== ").append(context.getDisplayName()).append(" failed: ").append(cause);
    if (worker != null) {
      report.append("\n==== last lines of ").append(worker).append(":\n");
      report.append(worker.logTail(LOG_LINES));
    }
    if (redis != null) {
      report.append("\n==== log of ").append(redis).append(":\n").append(redis.log());
    }
    System.err.println(report);
  }

  /**
   * Returns the shared Redis.
   *
   * @return the running server
   */
  public RedisServerProcess redis() {
    return redis;
  }

  /**
   * Returns the shared worker.
   *
   * @return the running worker
   * @throws IllegalStateException when the extension has no worker
   */
  public CeleryWorkerProcess worker() {
    if (worker == null) {
      throw new IllegalStateException("this RealCelery has no worker: use RealCelery.withWorker");
    }
    return worker;
  }

  /**
   * Returns the URL of the shared Redis's database 0.
   *
   * @return the URL
   */
  public String url() {
    return redis.url();
  }
}
