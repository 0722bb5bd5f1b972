package io.celerykit.result;

import java.time.Clock;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The result backend SPI: where task metas and group results are stored and how a caller waits for
 * them, as Celery's {@code celery.backends.base.Backend}. celerykit's {@code InMemoryBackend}
 * implements it; implement it yourself to read a real store (the contract tests say what a faithful
 * implementation must do).
 *
 * <p>Implementations must be thread-safe.
 */
public interface ResultBackend {

  /**
   * Returns the meta stored for a task; for a task nothing is stored for, a PENDING meta with no
   * result, as Celery's {@code get_task_meta}.
   *
   * @param taskId the task id
   * @return the meta, never null
   */
  TaskMeta getTaskMeta(String taskId);

  /**
   * Stores (or replaces) the meta of a task, as Celery's {@code store_result}, and wakes whoever
   * waits on it.
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
   * Tells whether anything is stored for the task.
   *
   * @param taskId the task id
   * @return true when a meta is stored
   */
  boolean exists(String taskId);

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

  /**
   * Waits until the task is ready and returns its meta, as Celery's {@code wait_for}. Honours the
   * options' {@code timeout}, {@code interval}, {@code onInterval} and {@code onMessage}.
   *
   * @param taskId the task id
   * @param options the wait options
   * @return the ready meta
   * @throws ResultTimeoutException when the timeout passes first
   * @throws WouldBlockForeverException when no timeout is given and nothing can ever complete it
   */
  TaskMeta waitFor(String taskId, GetOptions options);

  /**
   * Tells whether {@link #iterNative} is supported, as Celery's {@code supports_native_join}.
   *
   * @return true when supported
   */
  boolean supportsNativeJoin();

  /**
   * Yields the metas of the tasks as each becomes ready, in the order they become ready, as
   * Celery's {@code iter_native}; the timeout counts across the whole iteration.
   *
   * @param taskIds the task ids
   * @param options the wait options
   * @return an iterator of ready metas
   * @throws UnsupportedOperationException when {@link #supportsNativeJoin()} is false
   */
  Iterator<TaskMeta> iterNative(Collection<String> taskIds, GetOptions options);

  /**
   * Calls the listener with every meta stored for the task from now on, until the returned
   * subscription is closed. Used for {@code then} callbacks and {@code on_message}.
   *
   * @param taskId the task id
   * @param listener the listener, called on the thread that stores
   * @return the subscription; close it to stop listening
   */
  Subscription subscribe(String taskId, Consumer<TaskMeta> listener);

  /**
   * Returns the clock that waits are measured on: the app's virtual clock for the in-memory
   * backend.
   *
   * @return the clock
   */
  Clock clock();

  /** A registration of a listener; closing it stops the calls. */
  interface Subscription extends AutoCloseable {
    /** Stops calling the listener; closing twice does nothing. */
    @Override
    void close();
  }
}
