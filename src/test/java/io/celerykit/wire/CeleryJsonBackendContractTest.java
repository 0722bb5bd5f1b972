package io.celerykit.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.junit.ResultBackendContract;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A backend that keeps what Redis would: Celery's JSON text under {@code celery-task-meta-<id>} and
 * {@code celery-taskset-meta-<id>}, read back on every access. It passes the backend contract, so
 * every meta the contract stores survives Celery's wire format.
 */
class CeleryJsonBackendContractTest extends ResultBackendContract {

  @Override
  protected ResultBackend createBackend() {
    return new JsonStoringBackend(new InMemoryBackend(new VirtualClock()));
  }

  @Override
  protected void storeLater(ResultBackend backend, TaskMeta meta) {
    JsonStoringBackend json = (JsonStoringBackend) backend;
    json.waits.virtualClock().schedule(Duration.ofSeconds(1), () -> json.store(meta));
  }

  @Test
  void theStoreHoldsCeleryJsonText() {
    JsonStoringBackend json = (JsonStoringBackend) backend();
    json.store(TaskMeta.success(id("t"), 5));
    assertThat(json.keys.get(CeleryFixtures.TASK_PREFIX + id("t")))
        .isEqualTo(
            "{\"status\": \"SUCCESS\", \"result\": 5, \"traceback\": null, \"children\": [],"
                + " \"date_done\": null, \"task_id\": \""
                + id("t")
                + "\"}");
  }

  /** Keeps JSON text; uses an in-memory backend only to wait and to notify. */
  static final class JsonStoringBackend implements ResultBackend {
    final Map<String, String> keys = new ConcurrentHashMap<>();
    final InMemoryBackend waits;

    JsonStoringBackend(InMemoryBackend waits) {
      this.waits = waits;
    }

    @Override
    public TaskMeta getTaskMeta(String taskId) {
      String text = keys.get(CeleryFixtures.TASK_PREFIX + taskId);
      return text == null ? TaskMeta.pending(taskId) : CeleryJson.readTaskMeta(text);
    }

    @Override
    public void store(TaskMeta meta) {
      if (getTaskMeta(meta.taskId()).state().equals(TaskState.SUCCESS)) {
        return; // SUCCESS is final, as Celery's BaseKeyValueStoreBackend._store_result keeps it
      }
      String text = CeleryJson.writeTaskMeta(meta);
      keys.put(CeleryFixtures.TASK_PREFIX + meta.taskId(), text);
      waits.store(CeleryJson.readTaskMeta(text));
    }

    @Override
    public void forget(String taskId) {
      keys.remove(CeleryFixtures.TASK_PREFIX + taskId);
      waits.forget(taskId);
    }

    @Override
    public boolean exists(String taskId) {
      return keys.containsKey(CeleryFixtures.TASK_PREFIX + taskId);
    }

    @Override
    public void saveGroup(String groupId, ResultTuple group) {
      keys.put(CeleryFixtures.GROUP_PREFIX + groupId, CeleryJson.writeGroupMeta(group));
    }

    @Override
    public Optional<ResultTuple> restoreGroup(String groupId) {
      return Optional.ofNullable(keys.get(CeleryFixtures.GROUP_PREFIX + groupId))
          .map(text -> CeleryJson.readGroupMeta(text, groupId));
    }

    @Override
    public void deleteGroup(String groupId) {
      keys.remove(CeleryFixtures.GROUP_PREFIX + groupId);
    }

    @Override
    public TaskMeta waitFor(String taskId, GetOptions options) {
      waits.waitFor(taskId, options);
      return getTaskMeta(taskId);
    }

    @Override
    public boolean supportsNativeJoin() {
      return true;
    }

    @Override
    public Iterator<TaskMeta> iterNative(Collection<String> taskIds, GetOptions options) {
      Iterator<TaskMeta> ready = waits.iterNative(taskIds, options);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return ready.hasNext();
        }

        @Override
        public TaskMeta next() {
          return getTaskMeta(ready.next().taskId());
        }
      };
    }

    @Override
    public Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
      return waits.subscribe(taskId, listener);
    }

    @Override
    public boolean isAsync() {
      return true;
    }

    @Override
    public Clock clock() {
      return waits.clock();
    }
  }
}
