package io.celerykit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.junit.ResultBackendContract;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

  /**
   * Storing again replaces the meta, except after SUCCESS: Celery's Redis backend ignores any store
   * for a task whose stored state is SUCCESS (celery/backends/base.py,
   * BaseKeyValueStoreBackend._store_result), where the contract expects the PROGRESS stored after
   * the SUCCESS to be read.
   */
  @Override
  @Test
  public void overwriteKeepsTheLastMeta() {
    String id = id("overwritten");
    backend().store(TaskMeta.builder(id, TaskState.STARTED).result(Map.of("pid", 7)).build());
    backend().store(TaskMeta.builder(id, TaskState.RETRY).build());
    TaskMeta last =
        TaskMeta.builder(id, TaskState.SUCCESS)
            .result("done")
            .dateDone(Instant.parse("2026-11-24T10:00:00.123456Z"))
            .build();
    backend().store(last);
    assertThat(backend().getTaskMeta(id)).isEqualTo(last);
    backend().store(TaskMeta.builder(id, TaskState.of("PROGRESS")).result(Map.of("n", 1)).build());
    assertThat(backend().getTaskMeta(id)).isEqualTo(last);
  }
}
