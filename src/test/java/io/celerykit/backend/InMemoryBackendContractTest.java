package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.junit.ResultBackendContract;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The in-memory backend passes the backend contract: in virtual time (the worker stores one virtual
 * second later) and, nested, in real time with a thread storing.
 */
class InMemoryBackendContractTest extends ResultBackendContract {

  @Override
  protected ResultBackend createBackend() {
    return new InMemoryBackend(new VirtualClock());
  }

  /** The worker stores one virtual second after the caller starts waiting. */
  @Override
  protected void storeLater(ResultBackend backend, TaskMeta meta) {
    ((InMemoryBackend) backend)
        .virtualClock()
        .schedule(Duration.ofSeconds(1), () -> backend.store(meta));
  }

  @Test
  void waitsAndTimeoutsRunInVirtualTime() {
    InMemoryBackend memory = (InMemoryBackend) backend();
    storeLater(memory, TaskMeta.success(id("virtual"), 1));
    memory.waitFor(id("virtual"), GetOptions.defaults().timeout(longTimeout()));
    assertThat(memory.virtualClock().elapsed()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void onMessageSeesEveryMetaStoredWhileWaiting() {
    InMemoryBackend memory = (InMemoryBackend) backend();
    String id = id("messages");
    TaskMeta progress =
        TaskMeta.builder(id, TaskState.of("PROGRESS")).result(Map.of("done", 1)).build();
    TaskMeta done =
        TaskMeta.builder(id, TaskState.SUCCESS)
            .result("ok")
            .dateDone(java.time.Instant.parse("2026-01-01T00:00:02Z"))
            .build();
    memory.virtualClock().schedule(Duration.ofSeconds(1), () -> memory.store(progress));
    memory.virtualClock().schedule(Duration.ofSeconds(2), () -> memory.store(done));
    List<TaskMeta> messages = new CopyOnWriteArrayList<>();
    TaskMeta result =
        memory.waitFor(
            id, GetOptions.defaults().timeout(Duration.ofMinutes(1)).onMessage(messages::add));
    assertThat(result).isEqualTo(done);
    assertThat(messages).containsExactly(progress, done);
  }

  /** The same contract with real threads: REAL_TIME waits, a thread stores 50 ms later. */
  @Nested
  class RealTime extends ResultBackendContract {
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();

    @Override
    protected ResultBackend createBackend() {
      return new InMemoryBackend(new VirtualClock()).waitMode(WaitMode.REAL_TIME);
    }

    @Override
    protected void storeLater(ResultBackend backend, TaskMeta meta) {
      worker.schedule(() -> backend.store(meta), 50, TimeUnit.MILLISECONDS);
    }

    @Override
    protected Duration shortTimeout() {
      return Duration.ofMillis(100);
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
      worker.shutdown();
      assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
