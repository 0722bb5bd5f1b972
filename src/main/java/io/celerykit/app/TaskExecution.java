package io.celerykit.app;

import io.celerykit.backend.VirtualClock;
import io.celerykit.internal.TimeMath;
import io.celerykit.result.EagerResult;
import io.celerykit.result.TaskFailedException;
import io.celerykit.result.TaskState;
import io.celerykit.wire.EncodeException;
import java.util.function.Function;

/**
 * Runs task bodies: the one place that turns what a body did into how the run ended, as Celery's
 * tracer ({@code celery/app/trace.py}, {@code build_tracer}) does for the worker and for {@code
 * apply()} alike. The worker hands each {@link Ending} on to its storing and events; {@link #apply}
 * makes an eager run's {@link EagerResult}, as Celery's {@code Task.apply}.
 */
record TaskExecution(
    InMemoryCelery app,
    TaskStack stack,
    ResultStore results,
    CeleryConfig config,
    VirtualClock clock) {

  /** How a run of a body ended. */
  sealed interface Ending {}

  /** The body returned a value (not serialized yet). */
  record Succeeded(Object value) implements Ending {}

  /** The body asked to be retried ({@code celery.exceptions.Retry}). */
  record Retried(RetryException retry) implements Ending {}

  /** The body raised, or retried past {@code max_retries}. */
  record Failed(Throwable error) implements Ending {}

  /** The body rejected its message ({@code celery.exceptions.Reject}). */
  record Rejected(RejectException reject) implements Ending {}

  /** Makes the request of a run ({@code self.request}). */
  TaskContext context(Message m, RegisteredTask task, boolean eager) {
    return new TaskContext(app, results, m, task, eager);
  }

  /**
   * Runs a step's body as the current task (with the join guard on unless the run is eager), then
   * hands how it ended to {@code then} while the task is still current: what {@code then} sends
   * (links, errbacks, retries) becomes the task's children.
   */
  <R> R run(TaskContext self, RegisteredTask.Step step, Function<Ending, R> then) {
    return stack.run(self, () -> then.apply(body(self, step)));
  }

  private static Ending body(TaskContext self, RegisteredTask.Step step) {
    try {
      return new Succeeded(step.body().run(self));
    } catch (RetryException retry) {
      return new Retried(retry);
    } catch (FailNow failNow) {
      return new Failed(failNow.failure());
    } catch (RejectException reject) {
      return new Rejected(reject);
    } catch (Exception | Error error) {
      return new Failed(error);
    }
  }

  /**
   * Runs a call eagerly on this thread, as Celery's {@code Task.apply}: a retry runs again at once
   * with {@code retries + 1} and the same id, and the last run's result is returned ({@code
   * retval.sig.apply(retries=retries + 1)}); a reject ends in REJECTED. With {@code propagate}
   * ({@code task_eager_propagates}) a failure or a retry is raised, as the tracer's {@code
   * on_error} does. With {@code task_store_eager_result} the states are stored as the worker does.
   */
  <T> EagerResult<T> apply(Message first, RegisteredTask task, boolean propagate) {
    Message m = first;
    while (true) {
      TaskContext self = context(m, task, true);
      RegisteredTask.Step step = task.plan(self);
      if (step == null) {
        return new EagerResult<>(m.id, null, TaskState.PENDING, null, m.name, app);
      }
      Ending ending = run(self, step, Function.identity());
      if (!(ending instanceof Retried retried) || propagate) {
        return eagerResult(m, task, self, ending, propagate);
      }
      RetryException retry = retried.retry();
      if (storesEager(results.storesErrors(task))) {
        String traceback = ResultStore.traceback(retry);
        results.store(m, TaskState.RETRY, retry.exc(), traceback, self.children());
      }
      m = m.retry(TimeMath.plus(clock.now(), retry.countdown()));
    }
  }

  private <T> EagerResult<T> eagerResult(
      Message m, RegisteredTask task, TaskContext self, Ending ending, boolean propagate) {
    if (ending instanceof Retried retried) {
      throw retried.retry();
    }
    if (ending instanceof Rejected rejected) {
      RejectException reject = rejected.reject();
      return new EagerResult<>(
          m.id, reject, TaskState.REJECTED, ResultStore.traceback(reject), m.name, app);
    }
    if (ending instanceof Failed failed) {
      Throwable error = failed.error();
      if (propagate) {
        throw raise(m, error);
      }
      String traceback = ResultStore.traceback(error);
      if (storesEager(results.storesErrors(task))) {
        results.store(m, TaskState.FAILURE, error, traceback, self.children());
      }
      return new EagerResult<>(m.id, error, TaskState.FAILURE, traceback, m.name, app);
    }
    Object value = ((Succeeded) ending).value();
    if (storesEager(results.storesSuccess(m, task))) {
      Object stored;
      try {
        stored = results.serialize(value);
      } catch (EncodeException unstorable) {
        // Celery's tracer catches the EncodeError of storing the return value: FAILURE.
        return eagerResult(m, task, self, new Failed(unstorable), propagate);
      }
      results.store(m, TaskState.SUCCESS, stored, null, self.children());
    }
    return new EagerResult<>(m.id, value, TaskState.SUCCESS, null, m.name, app);
  }

  private boolean storesEager(boolean taskStores) {
    return config.taskStoreEagerResult() && taskStores;
  }

  /** The failure an eager call raises: unchecked as it is, a checked one wrapped. */
  private static RuntimeException raise(Message m, Throwable error) {
    if (error instanceof RuntimeException re) {
      return re;
    }
    if (error instanceof Error e) {
      throw e;
    }
    return new TaskFailedException(
        m.id, TaskState.FAILURE, "eager task " + m.name + "[" + m.id + "] raised " + error, error);
  }
}
