package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stores results directly by id, in any state, for code that only reads results: no task, no
 * worker. Parents and children make whole trees.
 *
 * <p>Seeding replaces whatever is stored for the id, a SUCCESS included: the backend keeps a
 * SUCCESS final against later stores, as Celery's key-value backends do ({@code
 * BaseKeyValueStoreBackend._store_result}), so the seeder forgets a stored SUCCESS before it stores
 * the new state. Seeded metas carry what the caller gives and nothing invented: a failure seeded
 * without a traceback has none, as Celery's {@code mark_as_failure(task_id, exc)} stores {@code
 * None}. An exception is stored as the configured result serializer stores a task's own: under JSON
 * (the default) a Java exception reads back as the {@link io.celerykit.result.RemoteTaskException}
 * a real backend delivers, as does a Python exception made with {@link PythonException}; {@link
 * ResultSerializer#OBJECT} keeps the instance.
 *
 * <pre>{@code
 * AsyncResult<Object> leaf = app.seed().succeeded("leaf", 4);
 * AsyncResult<Object> root = app.seed().children(leaf).succeeded("root", "done");
 * }</pre>
 */
public final class ResultSeeder {
  private final InMemoryCelery app;
  private final ResultBase parent;
  private final List<ResultBase> children;

  ResultSeeder(InMemoryCelery app) {
    this(app, null, List.of());
  }

  private ResultSeeder(InMemoryCelery app, ResultBase parent, List<ResultBase> children) {
    this.app = app;
    this.parent = parent;
    this.children = children;
  }

  /**
   * Returns a seeder whose results have this parent (the previous step of a chain).
   *
   * @param parentResult the parent
   * @return the new seeder
   */
  public ResultSeeder parent(ResultBase parentResult) {
    return new ResultSeeder(app, Objects.requireNonNull(parentResult, "parent"), children);
  }

  /**
   * Returns a seeder whose results have these children (results of tasks they called).
   *
   * @param childResults the children
   * @return the new seeder
   */
  public ResultSeeder children(ResultBase... childResults) {
    List<ResultBase> all = new ArrayList<>(children);
    for (ResultBase child : childResults) {
      all.add(Objects.requireNonNull(child, "child"));
    }
    return new ResultSeeder(app, parent, List.copyOf(all));
  }

  /**
   * Stores SUCCESS with a value.
   *
   * @param <T> the value type
   * @param id the task id
   * @param value the value
   * @return the result
   */
  public <T> AsyncResult<T> succeeded(String id, T value) {
    return store(id, TaskState.SUCCESS, value, null, null);
  }

  /**
   * Stores FAILURE with an exception and no traceback, as Celery's {@code mark_as_failure(task_id,
   * exc)} (which stores {@code traceback=None}).
   *
   * @param <T> the value type
   * @param id the task id
   * @param exception the exception
   * @return the result
   */
  public <T> AsyncResult<T> failed(String id, Throwable exception) {
    return failed(id, exception, null);
  }

  /**
   * Stores FAILURE with an exception and the traceback text given, as Celery's {@code
   * mark_as_failure(task_id, exc, traceback)}.
   *
   * @param <T> the value type
   * @param id the task id
   * @param exception the exception
   * @param traceback the traceback text, or null for none
   * @return the result
   */
  public <T> AsyncResult<T> failed(String id, Throwable exception, String traceback) {
    Objects.requireNonNull(exception, "exception");
    return store(id, TaskState.FAILURE, exception, traceback, null);
  }

  /**
   * Stores RETRY with the exception and a retries count.
   *
   * @param <T> the value type
   * @param id the task id
   * @param exception the exception the task retries for, or null
   * @param retries how often it was retried
   * @return the result
   */
  public <T> AsyncResult<T> retrying(String id, Throwable exception, int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0, got " + retries);
    }
    return store(id, TaskState.RETRY, exception, null, retries);
  }

  /**
   * Stores REVOKED with Celery's {@code TaskRevokedError('revoked')}.
   *
   * @param <T> the value type
   * @param id the task id
   * @return the result
   */
  public <T> AsyncResult<T> revoked(String id) {
    return store(id, TaskState.REVOKED, new TaskRevokedException("revoked"), null, null);
  }

  /**
   * Stores STARTED with Celery's {@code {pid, hostname}} meta, the pid and host name of the app's
   * config.
   *
   * @param <T> the value type
   * @param id the task id
   * @return the result
   */
  public <T> AsyncResult<T> started(String id) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("pid", app.config().workerPid());
    meta.put("hostname", app.config().hostname());
    return store(id, TaskState.STARTED, meta, null, null);
  }

  /**
   * Makes the task read as PENDING: forgets anything stored for it.
   *
   * @param <T> the value type
   * @param id the task id
   * @return the result
   */
  public <T> AsyncResult<T> pending(String id) {
    app.backend().forget(id);
    return app.asyncResult(id, parent);
  }

  /**
   * Stores any state (a custom one such as PROGRESS included) with its result.
   *
   * @param <T> the value type
   * @param id the task id
   * @param state the state
   * @param result the result or meta
   * @return the result
   */
  public <T> AsyncResult<T> inState(String id, TaskState state, Object result) {
    return store(id, Objects.requireNonNull(state, "state"), result, null, null);
  }

  /**
   * Saves a group of results under an id, as {@code GroupResult.save()}.
   *
   * @param id the group id
   * @param members the members
   * @return the group
   */
  public GroupResult group(String id, ResultBase... members) {
    return new GroupResult(id, List.of(members), parent, app).save();
  }

  private <T> AsyncResult<T> store(
      String id, TaskState state, Object result, String traceback, Integer retries) {
    TaskMeta.Builder meta =
        TaskMeta.builder(id, state)
            .result(app.storedForm(result, traceback))
            .traceback(traceback)
            .retries(retries);
    if (state.isReady()) {
      meta.dateDone(app.clock().now());
    }
    if (!children.isEmpty()) {
      List<ResultTuple> tuples = new ArrayList<>();
      for (ResultBase child : children) {
        tuples.add(ResultTuple.of(child));
      }
      meta.children(tuples);
    }
    if (parent instanceof AsyncResult<?> p) {
      meta.parentId(p.id());
    }
    if (app.backend().getTaskMeta(id).state().equals(TaskState.SUCCESS)) {
      app.backend().forget(id); // the backend keeps a SUCCESS; seeding replaces it
    }
    app.backend().store(meta.build());
    return app.asyncResult(id, parent);
  }
}
