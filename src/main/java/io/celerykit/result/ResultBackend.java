package io.celerykit.result;

import java.time.Clock;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The result backend SPI: where task metas and group results are stored, as Celery's {@code
 * celery.backends.base.BaseBackend}, and how a caller waits for them, as Celery's {@code
 * SyncBackendMixin} and {@code AsyncBackendMixin} do. celerykit's {@code InMemoryBackend}
 * implements it; implement it yourself to read a real store (extend {@code
 * io.celerykit.junit.ResultBackendContract} to check what a faithful implementation must do).
 *
 * <p><b>Storage first.</b> A backend implements the storage: {@link #getTaskMeta}, {@link #store},
 * {@link #forget}, {@link #saveGroup}, {@link #restoreGroup}, {@link #deleteGroup}. Everything else
 * has a default that works over that storage alone:
 *
 * <ul>
 *   <li>{@link #waitFor} polls {@link #getTaskMeta} every {@code interval}, as Celery's {@code
 *       SyncBackendMixin.wait_for} does ({@code timeout}, {@code interval} and {@code on_interval}
 *       honoured; it parks the thread, it does not sleep);
 *   <li>{@link #iterNative} polls the tasks not ready yet every {@code interval}, as Celery's
 *       key-value backends' {@code get_many} does, and {@link #supportsNativeJoin()} says true;
 *   <li>{@link #subscribe} registers nothing: a store that cannot notify has no one to call, so
 *       {@code then} callbacks run when the result is next read ready, as with Celery's synchronous
 *       backends; {@link #isAsync()} says false and {@code on_message} is refused with Celery's
 *       {@code ImproperlyConfigured};
 *   <li>{@link #exists}, {@link #clock()}, {@link #storeResult} and {@link #markAsFailure} are
 *       built on the storage methods.
 * </ul>
 *
 * <p><b>A store that can notify</b> (Redis pub/sub, a database's change stream, another thread's
 * stores) plugs its notifications in with three overrides, and the default waits and native
 * iteration are then woken by them instead of waiting out the interval:
 *
 * <pre>{@code
 * private final Subscribers subscribers = new Subscribers();
 *
 * public boolean isAsync() { return true; }                      // Celery's is_async
 *
 * public Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
 *   return subscribers.subscribe(taskId, listener);             // (and SUBSCRIBE the channel)
 * }
 *
 * // wherever a meta arrives (the pub/sub thread, or store() itself):
 * subscribers.publish(meta);
 * }</pre>
 *
 * <p>Override {@link #waitFor} and {@link #iterNative} only to wait differently (the in-memory
 * backend drives its virtual clock). Implementations must be thread-safe.
 */
public interface ResultBackend {

  // ---------------------------------------------------------------- storage

  /**
   * Returns the meta stored for a task; for a task nothing is stored for, a PENDING meta with no
   * result, as Celery's {@code get_task_meta}.
   *
   * @param taskId the task id
   * @return the meta, never null
   */
  TaskMeta getTaskMeta(String taskId);

  /**
   * Stores the meta of a task, as Celery's {@code store_result}, and notifies its subscribers (a
   * store that can). As Celery's key-value backends ({@code
   * BaseKeyValueStoreBackend._store_result}), a task whose stored state is SUCCESS keeps it: any
   * later store for it is ignored until {@link #forget}.
   *
   * @param meta the meta
   */
  void store(TaskMeta meta);

  /**
   * Forgets what is stored for a task, as Celery's {@code forget}; afterwards it reads as PENDING.
   *
   * @param taskId the task id
   */
  void forget(String taskId);

  /**
   * Saves a group result so that it can be restored by id, as Celery's {@code save_group} (which
   * stores the group's tuple).
   *
   * @param groupId the group id
   * @param group the group's tuple
   */
  void saveGroup(String groupId, ResultTuple group);

  /**
   * Returns the tuple of a saved group, as Celery's {@code restore_group}.
   *
   * @param groupId the group id
   * @return the tuple, or empty when no group was saved under the id
   */
  Optional<ResultTuple> restoreGroup(String groupId);

  /**
   * Deletes a saved group, as Celery's {@code delete_group}; a missing group is ignored.
   *
   * @param groupId the group id
   */
  void deleteGroup(String groupId);

  // ---------------------------------------------------------------- built on the storage

  /**
   * Tells whether anything is stored for the task. The default asks {@link #getTaskMeta} and
   * compares with the PENDING meta of a task nothing is stored for; a store that can tell a stored
   * bare PENDING from nothing should override.
   *
   * @param taskId the task id
   * @return true when a meta is stored
   */
  default boolean exists(String taskId) {
    return !TaskMeta.pending(taskId).equals(getTaskMeta(taskId));
  }

  /**
   * Builds a meta and stores it, as Celery's {@code store_result(task_id, result, state,
   * traceback=None)}: a ready state gets its {@code date_done} from {@link #clock()}.
   *
   * @param taskId the task id
   * @param result the value, the exception, or a custom state's meta
   * @param state the state
   * @param traceback the traceback text, or null (Celery stores None)
   * @return the meta stored
   */
  default TaskMeta storeResult(String taskId, Object result, TaskState state, String traceback) {
    TaskMeta.Builder meta = TaskMeta.builder(taskId, state).result(result).traceback(traceback);
    if (state.isReady()) {
      meta.dateDone(clock().instant());
    }
    TaskMeta built = meta.build();
    store(built);
    return built;
  }

  /**
   * Builds a meta without traceback and stores it, as Celery's {@code store_result(task_id, result,
   * state)}.
   *
   * @param taskId the task id
   * @param result the value, the exception, or a custom state's meta
   * @param state the state
   * @return the meta stored
   */
  default TaskMeta storeResult(String taskId, Object result, TaskState state) {
    return storeResult(taskId, result, state, null);
  }

  /**
   * Stores a FAILURE with its exception and traceback, as Celery's {@code mark_as_failure(task_id,
   * exc, traceback)}.
   *
   * @param taskId the task id
   * @param exception the exception the task raised
   * @param traceback the traceback text, or null (Celery stores None)
   * @return the meta stored
   */
  default TaskMeta markAsFailure(String taskId, Throwable exception, String traceback) {
    if (exception == null) {
      throw new IllegalArgumentException(
          "exception of mark_as_failure("
              + taskId
              + ") must not be null; pass what the task raised");
    }
    return storeResult(taskId, exception, TaskState.FAILURE, traceback);
  }

  /**
   * Returns the clock that waits are measured on and {@code date_done} is read from: the system
   * clock by default, the app's virtual clock for the in-memory backend.
   *
   * @return the clock
   */
  default Clock clock() {
    return Clock.systemUTC();
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Tells whether the store notifies: {@link #subscribe} delivers every meta as it is stored, so
   * that waits are woken by the store, as Celery's {@code is_async} ({@code AsyncBackendMixin}).
   * False by default (Celery's {@code SyncBackendMixin}).
   *
   * @return true for a store that can notify
   */
  default boolean isAsync() {
    return false;
  }

  /**
   * Waits until the task is ready and returns its meta, as Celery's {@code wait_for}. Honours the
   * options' {@code timeout}, {@code interval}, {@code onInterval} and {@code onMessage}.
   *
   * <p>The default reads {@link #getTaskMeta} until the meta is ready: at once, then every {@code
   * interval} (calling {@code onInterval} once per interval, before each pause, as Celery's {@code
   * wait_for}), and, for a store that {@linkplain #isAsync() notifies}, also whenever a meta of the
   * task is stored. {@code onMessage} gets every meta stored while waiting; a store that cannot
   * notify refuses it, as Celery's {@code wait_for_pending} does.
   *
   * @param taskId the task id
   * @param options the wait options
   * @return the ready meta
   * @throws ResultTimeoutException when the timeout passes first
   * @throws ImproperlyConfiguredException for {@code onMessage} on a store that cannot notify
   * @throws WouldBlockForeverException when no timeout is given and nothing can ever complete it
   *     (the in-memory backend)
   */
  default TaskMeta waitFor(String taskId, GetOptions options) {
    return StoreWaits.waitFor(this, taskId, options);
  }

  /**
   * Tells whether {@link #iterNative} is supported, as Celery's {@code supports_native_join}; the
   * default native iteration works over any store, so the default is true.
   *
   * @return true when supported
   */
  default boolean supportsNativeJoin() {
    return true;
  }

  /**
   * Yields the metas of the tasks as each becomes ready, in the order they become ready, as
   * Celery's {@code iter_native}; the timeout counts across the whole iteration.
   *
   * <p>The default yields those ready already, in the order given, then reads the others every
   * {@code interval} (and whenever a store that {@linkplain #isAsync() notifies} stores one of
   * them), as Celery's {@code get_many}; {@code onMessage} gets each ready meta as it is yielded
   * (every stored meta, for a store that notifies).
   *
   * @param taskIds the task ids
   * @param options the wait options
   * @return an iterator of ready metas
   * @throws UnsupportedOperationException when {@link #supportsNativeJoin()} is false
   */
  default Iterator<TaskMeta> iterNative(Collection<String> taskIds, GetOptions options) {
    return new StoreIteration(this, taskIds, options);
  }

  /**
   * Calls the listener with every meta stored for the task from now on, until the returned
   * subscription is closed. Used for {@code then} callbacks and {@code on_message}.
   *
   * <p>The default registers nothing (a store that cannot notify has no one to call): {@code then}
   * callbacks run when the result is next read ready, as with Celery's synchronous backends. A
   * store that notifies overrides this, usually with a {@link Subscribers}, and {@link #isAsync()}.
   *
   * @param taskId the task id
   * @param listener the listener, called on the thread that stores (or that receives the store's
   *     notification)
   * @return the subscription; close it to stop listening
   */
  default Subscription subscribe(String taskId, Consumer<TaskMeta> listener) {
    return () -> {};
  }

  /** A registration of a listener; closing it stops the calls. */
  interface Subscription extends AutoCloseable {
    /** Stops calling the listener; closing twice does nothing. */
    @Override
    void close();
  }
}
