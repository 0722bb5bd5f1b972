package io.celerykit.app;

import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.result.ChordException;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import io.celerykit.wire.CeleryJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores what task runs leave in the backend, as Celery's tracer and backend do: which states a
 * task stores ({@code ignore_result}), the meta ({@code date_done}, group, parent, children, the
 * {@code result_extended} fields) and the value as the result serializer leaves it. Shared by the
 * worker, eager runs and {@link TaskContext#updateState}.
 */
final class ResultStore {
  private final CeleryConfig config;
  private final VirtualClock clock;
  private final InMemoryBackend backend;

  ResultStore(CeleryConfig config, VirtualClock clock, InMemoryBackend backend) {
    this.config = config;
    this.clock = clock;
    this.backend = backend;
  }

  /**
   * Whether a SUCCESS is stored: not when the task ignores its result ({@code publish_result} in
   * Celery's trace), nor when the call asked to ({@code request.ignore_result} in {@code
   * mark_as_done}); a call cannot keep the result of a task that ignores it.
   */
  boolean storesSuccess(Message m, RegisteredTask task) {
    return storesErrors(task) && !Boolean.TRUE.equals(m.ignoreResult);
  }

  /**
   * Whether FAILURE, RETRY, REVOKED and STARTED are stored: not when the task ignores its result
   * (Celery's {@code store_errors}: {@code not task.ignore_result}); a call's own ignore_result
   * does not matter here.
   */
  boolean storesErrors(RegisteredTask task) {
    return task == null || !task.options().ignoreResult(config);
  }

  /**
   * Whether the result handed out for a call is marked ignored: the call's {@code ignore_result}
   * alone, as Celery's {@code send_task} ({@code result.ignored = ignore_result}, the option
   * defaulting to False); {@link Task#applyAsync} defaults the option to the task's first, as
   * Celery's {@code Task.apply_async}.
   */
  boolean ignored(Message m) {
    return Boolean.TRUE.equals(m.ignoreResult);
  }

  /** Stores a state of a task run, with the results of the tasks it sent as its children. */
  void store(
      Message m, TaskState state, Object result, String traceback, List<ResultBase> children) {
    backend.store(metaFor(m, state, result, traceback, tuples(children)).build());
  }

  /**
   * Stores the RETRY of a run the worker retries; a {@code trail} task lists itself among its
   * children, as Celery's retry sends the retried task as a child of the running one.
   */
  void storeRetry(Message m, RegisteredTask task, RetryException retry, List<ResultBase> children) {
    List<ResultTuple> tuples = tuples(children);
    if (task.options().trail()) {
      tuples.add(ResultTuple.of(m.id, null));
    }
    backend.store(metaFor(m, TaskState.RETRY, retry.exc(), traceback(retry), tuples).build());
  }

  private static List<ResultTuple> tuples(List<ResultBase> children) {
    List<ResultTuple> tuples = new ArrayList<>(children.size() + 1);
    for (ResultBase child : children) {
      tuples.add(ResultTuple.of(child));
    }
    return tuples;
  }

  private TaskMeta.Builder metaFor(
      Message m, TaskState state, Object result, String traceback, List<ResultTuple> children) {
    TaskMeta.Builder b =
        TaskMeta.builder(m.id, state).result(storedForm(result, traceback)).traceback(traceback);
    if (!children.isEmpty()) {
      b.children(children);
    }
    if (state.isReady()) {
      b.dateDone(clock.now());
    }
    b.groupId(m.groupId);
    if (m.parentId != null) {
      b.parentId(m.parentId);
    }
    if (config.resultExtended()) {
      b.extended(m.name, m.args, m.kwargs, config.hostname(), queueOf(m));
      b.retries(m.retries);
    }
    return b;
  }

  /** Returns the queue a message went to: its own, else the app's default queue. */
  String queueOf(Message m) {
    return m.queue != null ? m.queue : config.defaultQueue();
  }

  /**
   * Passes a value through the configured result serializer: a JSON round trip by default, nothing
   * with {@link ResultSerializer#OBJECT}.
   *
   * @throws io.celerykit.wire.EncodeException when JSON cannot hold the value
   */
  Object serialize(Object value) {
    if (config.resultSerializer() == ResultSerializer.OBJECT) {
      return value;
    }
    if (value instanceof Throwable error) {
      return storedForm(error, null);
    }
    if (value == null
        || value instanceof String
        || value instanceof Integer
        || value instanceof Boolean
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Long l && l == l.intValue()) {
      return l.intValue();
    }
    return CeleryJson.roundTrip(value);
  }

  /**
   * Returns a stored result as a client reads it back: under the JSON serializer an exception
   * becomes the {@link RemoteTaskException} of Celery's exception dict ({@code exc_type} the simple
   * class name, {@code exc_module} the package, {@code exc_message} the message), as a Java client
   * of a Python worker sees it; celerykit's own exceptions keep their Celery names and come back as
   * themselves; a {@link RemoteTaskException} is stored as it is. {@link ResultSerializer#OBJECT}
   * (Celery's pickle) keeps the Java instance; values are returned as they are.
   */
  Object storedForm(Object result, String traceback) {
    if (!(result instanceof Throwable error)
        || result instanceof RemoteTaskException
        || readsBackAsItself(error)
        || config.resultSerializer() == ResultSerializer.OBJECT) {
      return result;
    }
    return PythonException.asStored(error, traceback);
  }

  /**
   * Whether JSON gives an exception back as an equal one of its own class, so that it is stored as
   * it is: Celery's {@code TaskRevokedError}, {@code MaxRetriesExceededError} and {@code
   * TimeoutError} and {@code ChordError}, read back as celerykit's exceptions of the same message.
   */
  private static boolean readsBackAsItself(Throwable error) {
    Class<?> type = error.getClass();
    return (type == TaskRevokedException.class
            || type == MaxRetriesExceededException.class
            || type == ResultTimeoutException.class
            || type == ChordException.class)
        && error.getCause() == null;
  }

  /**
   * Returns the stack trace of an error as text, the stored traceback; a {@link
   * RemoteTaskException} gives the traceback it carries (a Python worker's), when it has one, and
   * celerykit's exceptions that stand for Celery's own ({@code Retry}, {@code ChordError}, ...)
   * Python's traceback shape, ending in the exception line Celery stores.
   */
  static String traceback(Throwable error) {
    if (error instanceof RemoteTaskException remote && remote.traceback() != null) {
      return remote.traceback();
    }
    String python = PythonTraceback.ofCeleryException(error);
    if (python != null) {
      return python;
    }
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
