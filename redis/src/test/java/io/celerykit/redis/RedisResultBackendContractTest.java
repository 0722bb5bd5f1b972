package io.celerykit.redis;

import io.celerykit.junit.ResultBackendContract;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.TaskMeta;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * celerykit's backend contract against {@link RedisResultBackend} on a real Redis. The "worker
 * side" of {@link #storeLater} is a second backend, so that waits are woken by a PUBLISH that
 * crosses Redis, as they are by a Celery worker.
 */
@Tag("real-celery")
class RedisResultBackendContractTest extends ResultBackendContract {

  @RegisterExtension static final RealCelery celery = RealCelery.redisOnly();

  private static RedisResultBackend workerSide;
  private static ScheduledExecutorService later;

  @BeforeAll
  static void startWorkerSide() {
    workerSide = RedisResultBackend.connect(celery.url());
    later = Executors.newSingleThreadScheduledExecutor();
  }

  @AfterAll
  static void stopWorkerSide() {
    later.shutdownNow();
    workerSide.close();
  }

  @Override
  protected ResultBackend createBackend() {
    return RedisResultBackend.connect(celery.url());
  }

  /** Stores from the other backend 100 ms later, while the caller waits. */
  @Override
  protected void storeLater(ResultBackend backend, TaskMeta meta) {
    later.schedule(() -> workerSide.store(meta), 100, TimeUnit.MILLISECONDS);
  }
}
