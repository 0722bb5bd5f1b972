package io.celerykit.result;

import io.celerykit.internal.Checks;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The listeners of a result backend that can notify: what {@link ResultBackend#subscribe} registers
 * and what the backend calls with each meta stored, as Celery's {@code AsyncBackendMixin} keeps its
 * pending results and its result consumer calls them on each message. Thread-safe; publishing costs
 * one volatile read while nobody listens.
 *
 * <pre>{@code
 * public Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
 *   return subscribers.subscribe(taskId, listener);
 * }
 * // on each meta stored (or received from the store's notifications):
 * subscribers.publish(meta);
 * }</pre>
 */
public final class Subscribers {

  private final ConcurrentHashMap<String, CopyOnWriteArrayList<Consumer<TaskMeta>>> listeners =
      new ConcurrentHashMap<>();

  /** How many listeners are subscribed: a publish skips the lookup when there are none. */
  private final AtomicInteger count = new AtomicInteger();

  /** Creates an empty set of listeners. */
  public Subscribers() {}

  /**
   * Calls the listener with every meta published for the task from now on, until the returned
   * subscription is closed.
   *
   * @param taskId the task id, not blank
   * @param listener the listener
   * @return the subscription; closing it twice does nothing
   */
  public ResultBackend.Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
    Checks.requireNonBlank(taskId, "task id");
    Checks.requireNonNull(listener, "listener");
    // Added inside compute: an unsubscribe that empties and drops the list at the same time
    // must not leave this listener in a list that is no longer in the map.
    listeners.compute(
        taskId,
        (k, list) -> {
          CopyOnWriteArrayList<Consumer<TaskMeta>> out =
              list != null ? list : new CopyOnWriteArrayList<>();
          count.incrementAndGet();
          out.add(listener);
          return out;
        });
    return () ->
        listeners.computeIfPresent(
            taskId,
            (k, list) -> {
              if (list.remove(listener)) {
                count.decrementAndGet();
              }
              return list.isEmpty() ? null : list;
            });
  }

  /**
   * Calls every listener of the meta's task with it, in the order they subscribed, on this thread.
   *
   * @param meta the meta stored
   */
  public void publish(TaskMeta meta) {
    Checks.requireNonNull(meta, "meta");
    CopyOnWriteArrayList<Consumer<TaskMeta>> subscribed =
        count.get() == 0 ? null : listeners.get(meta.taskId());
    if (subscribed != null) {
      for (Consumer<TaskMeta> listener : subscribed) {
        listener.accept(meta);
      }
    }
  }

  /**
   * Tells whether anyone listens to the task (a store may listen to its notifications only then).
   *
   * @param taskId the task id
   * @return true when at least one subscription is open
   */
  public boolean hasSubscribers(String taskId) {
    return count.get() != 0 && listeners.containsKey(taskId);
  }
}
