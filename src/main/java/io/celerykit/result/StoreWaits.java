package io.celerykit.result;

import io.celerykit.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ResultBackend#waitFor}'s default: reads the store until the meta is ready, pausing an
 * {@code interval} between reads and woken early by a store that notifies, as Celery's {@code
 * SyncBackendMixin.wait_for} (and, woken by messages, {@code AsyncBackendMixin}).
 */
final class StoreWaits {
  private StoreWaits() {}

  static TaskMeta waitFor(ResultBackend backend, String taskId, GetOptions options) {
    Checks.requireNonBlank(taskId, "task id");
    Checks.requireNonNull(options, "options");
    requireMessagesIfAsked(backend, options);
    TaskMeta meta = backend.getTaskMeta(taskId);
    if (meta.isReady()) {
      return meta;
    }
    StorePause pause = new StorePause(options);
    List<ResultBackend.Subscription> subscriptions = subscribe(backend, List.of(taskId), options);
    try {
      if (backend.isAsync()) {
        subscriptions.add(backend.subscribe(taskId, stored -> pause.wake()));
      }
      while (true) {
        meta = backend.getTaskMeta(taskId);
        if (meta.isReady()) {
          return meta;
        }
        TaskMeta last = meta;
        pause.await(() -> "task " + taskId + " (state " + last.state() + ")");
      }
    } finally {
      subscriptions.forEach(ResultBackend.Subscription::close);
    }
  }

  /**
   * Refuses {@code on_message} on a store that cannot notify, as Celery's {@code
   * SyncBackendMixin.wait_for_pending}.
   */
  static void requireMessagesIfAsked(ResultBackend backend, GetOptions options) {
    if (options.onMessage() != null && !backend.isAsync()) {
      throw new ImproperlyConfiguredException(
          "Backend does not support on_message callback ("
              + backend.getClass().getSimpleName()
              + " cannot notify: its isAsync() is false); drop onMessage, or use a backend that"
              + " notifies its subscribers");
    }
  }

  /** Subscribes {@code on_message} to every task, for a store that notifies. */
  static List<ResultBackend.Subscription> subscribe(
      ResultBackend backend, List<String> taskIds, GetOptions options) {
    List<ResultBackend.Subscription> subscriptions = new ArrayList<>();
    if (options.onMessage() != null && backend.isAsync()) {
      for (String id : taskIds) {
        subscriptions.add(backend.subscribe(id, options.onMessage()));
      }
    }
    return subscriptions;
  }
}
