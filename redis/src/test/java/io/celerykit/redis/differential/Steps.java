package io.celerykit.redis.differential;

import io.celerykit.app.ApplyOptions;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import java.util.List;
import java.util.Map;

/** Steps that many scenarios share, written against {@link Run}. */
final class Steps {
  private Steps() {}

  /** Sends a task by name with positional arguments. */
  static <T> AsyncResult<T> send(Run run, String task, Object... args) {
    return run.app().sendTask(task, args);
  }

  /** Sends a task by name with arguments, keyword arguments and options. */
  static <T> AsyncResult<T> send(
      Run run, String task, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    return run.app().sendTask(task, args, kwargs, options);
  }

  /**
   * Waits for a result and records all a client sees of it: what {@code get} returns or raises, the
   * result API's view, and the stored meta.
   */
  static void settle(Run run, String label, AsyncResult<?> r) {
    settle(run, label, r, GetOptions.defaults().timeout(Run.WAIT));
  }

  /**
   * As {@link #settle(Run, String, AsyncResult)}, but waits for the result's own outcome without
   * following parents. A result whose parent fails needs this: with follow_parents (Celery's
   * default) get raises the parent's error instead whenever the parent is stored before get starts,
   * and then the result itself may not be stored yet (result.py, _maybe_reraise_parent_error),
   * which depends on timing.
   */
  static void settleOwnOutcome(Run run, String label, AsyncResult<?> r) {
    settle(run, label, r, GetOptions.defaults().timeout(Run.WAIT).followParents(false));
  }

  private static void settle(Run run, String label, AsyncResult<?> r, GetOptions options) {
    run.outcome(label + ".get", () -> r.get(options));
    run.view(label, r);
    run.meta(label + ".meta", r.id());
  }

  /** Sends {@code diff.identity(value)} and records what comes back and what is stored. */
  static Scenario identity(String name, Object value) {
    return Scenario.of(
        name,
        run -> {
          AsyncResult<Object> r = run.app().sendTask("diff.identity", value);
          settle(run, "identity", r);
        });
  }

  /**
   * Waits until the worker has run every task sent before: a task sent after them finishes after
   * them (one worker, one process, first in first out).
   */
  static void drain(Run run) {
    run.outcome("drained", () -> send(run, "diff.add", 0, 0).get(Run.WAIT));
  }
}
