package io.celerykit.result;

import java.util.List;

/**
 * What a result needs of its Celery app: the backend, the control and the factories {@code
 * result_from_tuple} uses ({@code app.AsyncResult}, {@code app.GroupResult}). {@code
 * io.celerykit.app.InMemoryCelery} is the implementation tests use.
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
}
