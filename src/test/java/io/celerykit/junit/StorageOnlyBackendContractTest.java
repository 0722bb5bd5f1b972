package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.Subscribers;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A backend that implements only the storage methods of the SPI passes the whole contract, its
 * waiting and native iteration included, with the SPI's defaults (Celery's {@code
 * SyncBackendMixin.wait_for} and key-value {@code get_many}, polling every interval); nested, the
 * same store that notifies through {@link Subscribers} passes it too, its waits woken by the store.
 */
class StorageOnlyBackendContractTest extends ResultBackendContract {

  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();

  @Override
  protected ResultBackend createBackend() {
    return new MapBackend();
  }

  /** A worker thread stores 50 ms after the caller starts waiting. */
  @Override
  protected void storeLater(ResultBackend backend, TaskMeta meta) {
    worker.schedule(() -> backend.store(meta), 50, TimeUnit.MILLISECONDS);
  }

  @AfterEach
  void stopWorker() throws InterruptedException {
    worker.shutdown();
    assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theDefaultsAreThoseOfAStoreThatCannotNotify() {
    assertThat(backend().isAsync()).isFalse();
    assertThat(backend().supportsNativeJoin()).isTrue();
    assertThat(backend().exists(id("nothing"))).isFalse();
  }

  @Test
  void theDefaultWaitCallsOnIntervalBeforeEachPauseAsCelerysWaitFor() {
    // celery/backends/base.py, SyncBackendMixin.wait_for: `if on_interval: on_interval()` then
    // `time.sleep(interval)`, until the timeout.
    List<Thread> calls = new CopyOnWriteArrayList<>();
    GetOptions options =
        GetOptions.defaults()
            .timeout(Duration.ofMillis(150))
            .interval(Duration.ofMillis(50))
            .onInterval(() -> calls.add(Thread.currentThread()));
    assertThatThrownBy(() -> backend().waitFor(id("never"), options))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageContaining("The operation timed out.");
    assertThat(calls).isNotEmpty().allSatisfy(t -> assertThat(t).isSameAs(Thread.currentThread()));
  }

  /** The same store, notifying its subscribers on every store. */
  @Nested
  class Notifying extends ResultBackendContract {
    private final ScheduledExecutorService notifyingWorker =
        Executors.newSingleThreadScheduledExecutor();

    @Override
    protected ResultBackend createBackend() {
      return new NotifyingMapBackend();
    }

    @Override
    protected void storeLater(ResultBackend backend, TaskMeta meta) {
      notifyingWorker.schedule(() -> backend.store(meta), 50, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopNotifyingWorker() throws InterruptedException {
      notifyingWorker.shutdown();
      assertThat(notifyingWorker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaitIsWokenByTheStoreLongBeforeTheIntervalPasses() {
      String id = id("woken");
      TaskMeta done = success(id, 1);
      storeLater(backend(), done);
      long start = System.nanoTime();
      TaskMeta meta =
          backend()
              .waitFor(
                  id,
                  GetOptions.defaults().timeout(Duration.ofHours(2)).interval(Duration.ofHours(1)));
      assertThat(meta).isEqualTo(done);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void nativeIterationIsWokenByTheStoreLongBeforeTheIntervalPasses() {
      String id = id("woken-native");
      storeLater(backend(), success(id, 2));
      long start = System.nanoTime();
      var it =
          backend()
              .iterNative(
                  List.of(id),
                  GetOptions.defaults().timeout(Duration.ofHours(2)).interval(Duration.ofHours(1)));
      assertThat(it.next().result()).isEqualTo(2);
      assertThat(it.hasNext()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
    }
  }

  /** Task metas and group tuples in maps: the storage of the SPI, and nothing else. */
  static class MapBackend implements ResultBackend {
    private final Map<String, TaskMeta> metas = new ConcurrentHashMap<>();
    private final Map<String, ResultTuple> groups = new ConcurrentHashMap<>();

    @Override
    public TaskMeta getTaskMeta(String taskId) {
      TaskMeta meta = metas.get(taskId);
      return meta != null ? meta : TaskMeta.pending(taskId);
    }

    @Override
    public void store(TaskMeta meta) {
      TaskMeta previous =
          metas.compute(
              meta.taskId(),
              (id, current) ->
                  current != null && current.state().equals(TaskState.SUCCESS) ? current : meta);
      if (previous == meta) {
        stored(meta);
      }
    }

    /** Called with each meta the store kept. */
    void stored(TaskMeta meta) {}

    @Override
    public void forget(String taskId) {
      metas.remove(taskId);
    }

    @Override
    public void saveGroup(String groupId, ResultTuple group) {
      groups.put(groupId, group);
    }

    @Override
    public Optional<ResultTuple> restoreGroup(String groupId) {
      return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public void deleteGroup(String groupId) {
      groups.remove(groupId);
    }
  }

  /** The map store plus notifications: what a Redis backend's pub/sub adds. */
  static final class NotifyingMapBackend extends MapBackend {
    private final Subscribers subscribers = new Subscribers();

    @Override
    void stored(TaskMeta meta) {
      subscribers.publish(meta);
    }

    @Override
    public boolean isAsync() {
      return true;
    }

    @Override
    public Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
      return subscribers.subscribe(taskId, listener);
    }
  }
}
