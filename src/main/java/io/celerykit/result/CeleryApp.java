package io.celerykit.result;

import java.util.List;

/**
 * What a result needs of its Celery app: the backend, the control, the factories {@code
 * result_from_tuple} uses ({@code app.AsyncResult}, {@code app.GroupResult}) and the guard against
 * waiting inside a task. {@code io.celerykit.app.InMemoryCelery} is the implementation tests use.
 */
public interface CeleryApp {

  /**
   * Returns the app's result backend ({@code app.backend}).
   *
   * @return the backend
   */
  ResultBackend backend();

  /**
   * Returns the app's control ({@code app.control}).
   *
   * @return the control
   */
  Control control();

  /**
   * Makes a result for a task id, as {@code app.AsyncResult(id, parent=parent)}.
   *
   * @param <T> the value type
   * @param taskId the task id
   * @param parent the parent result, or null
   * @return the result
   */
  default <T> AsyncResult<T> asyncResult(String taskId, ResultBase parent) {
    return new AsyncResult<>(taskId, this, parent);
  }

  /**
   * Makes a result for a task id without parent, as {@code app.AsyncResult(id)}.
   *
   * @param <T> the value type
   * @param taskId the task id
   * @return the result
   */
  default <T> AsyncResult<T> asyncResult(String taskId) {
    return asyncResult(taskId, null);
  }

  /**
   * Makes a group result, as {@code app.GroupResult(id, results, parent=parent)}.
   *
   * @param groupId the group id
   * @param results the members
   * @param parent the parent result, or null
   * @return the group result
   */
  default GroupResult groupResult(
      String groupId, List<? extends ResultBase> results, ResultBase parent) {
    return new GroupResult(groupId, results, parent, this);
  }

  /**
   * Makes a result set, as {@code app.ResultSet(results)}.
   *
   * @param results the members, in order
   * @return the set, whose app is this one
   */
  default ResultSet resultSet(List<? extends ResultBase> results) {
    return new ResultSet(results, this);
  }

  /**
   * Fails when called from inside a running task, as Celery's {@code assert_will_not_block}; the
   * message starts with {@code Never call result.get() within a task!}. Does nothing by default.
   *
   * @throws IllegalStateException when called inside a task that disallows it
   */
  default void assertWillNotBlock() {}

  /**
   * Tells the app that a result was consumed: waited on with {@code get}/{@code join} (or {@code
   * outcome}/{@code value}) or forgotten, as Celery asks of every result. Strict test set-ups use
   * it to report results nobody consumed. Does nothing by default.
   *
   * @param result the result
   */
  default void resultConsumed(AsyncResult<?> result) {}
}
