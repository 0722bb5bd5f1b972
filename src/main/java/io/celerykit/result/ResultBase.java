package io.celerykit.result;

import io.celerykit.internal.TreeWalk;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Base of every result, as Celery's {@code celery.result.ResultBase}: an {@link AsyncResult} (and
 * its {@link EagerResult}) or a {@link ResultSet} (and its {@link GroupResult}). A result tree is
 * made of these: a result's {@link #children()} are the results of the tasks it called, a chain
 * step's {@link #parent()} is the step before it.
 */
public abstract sealed class ResultBase permits AsyncResult, ResultSet {

  ResultBase() {}

  /**
   * Returns the parent result (if part of a chain), or null; Celery's {@code parent}.
   *
   * @return the parent or null
   */
  public abstract ResultBase parent();

  /**
   * Tells whether the result (every member, for a set) has executed: Celery's {@code ready()}.
   *
   * @return true when ready
   */
  public abstract boolean ready();

  /**
   * Returns the child results: the results of the tasks a task called (with {@code trail}), or a
   * group's members.
   *
   * @return an unmodifiable list, empty when none
   */
  public abstract List<ResultBase> children();

  /** Forgets the result (and, for a task result, its parents), Celery's {@code forget()}. */
  public abstract void forget();

  /**
   * Asks the workers to revoke the task(s), Celery's {@code revoke()}.
   *
   * @param options terminate, signal, wait, timeout
   */
  public abstract void revoke(RevokeOptions options);

  /** Asks the workers to revoke the task(s) with Celery's default options. */
  public void revoke() {
    revoke(RevokeOptions.defaults());
  }

  /**
   * Re-raises the stored exception of a failed task (every member, for a set) when {@code
   * propagate} is true, then calls {@code callback(id, value)}: Celery's {@code maybe_throw}.
   *
   * @param propagate whether to raise
   * @param callback called with the task id and value, or null
   * @return the value of a task result; null for a set, as Celery's
   */
  public abstract Object maybeThrow(boolean propagate, BiConsumer<String, Object> callback);

  /**
   * Waits like {@code get} and returns the value as a plain object: for a task result its value,
   * for a set the list of its members' values. With {@code propagate(false)} a failure's exception
   * is returned as the value, as Celery's {@code get(propagate=False)}.
   *
   * @param options Celery's keyword arguments
   * @return the value
   */
  public abstract Object value(GetOptions options);

  /**
   * Returns the app of the result.
   *
   * @return the app
   */
  public abstract CeleryApp app();

  /**
   * Returns the result backend of the result.
   *
   * @return the backend
   */
  public abstract ResultBackend backend();

  /**
   * Calls {@code callback} with this result once it is ready (a set: once every member is), as
   * Celery's {@code then(callback)}. If it is ready already, the callback runs at once on this
   * thread; otherwise on the thread that stores the ready state (a backend that cannot notify: the
   * thread that next reads it ready). For a callback whose value you want, or an error callback,
   * use {@code then(callback, onError)} of {@link AsyncResult} or {@link ResultSet}.
   *
   * <pre>{@code
   * result.then(done -> log.info("{} is ready", done));
   * }</pre>
   *
   * @param callback the callback
   * @return a future that completes once the callback has run (exceptionally if it threw, or if
   *     {@code throwError} rejected the result)
   */
  public CompletableFuture<Void> then(Consumer<? super ResultBase> callback) {
    Objects.requireNonNull(callback, "callback");
    return Callbacks.chain(
        readiness(),
        ready -> {
          callback.accept(this);
          return null;
        },
        null);
  }

  /** What {@link #forget()} must forget before this node's own state. */
  abstract List<ResultBase> forgetDependencies();

  /** Forgets this node's own state (cache and backend entry). */
  abstract void forgetOwn();

  /** Completes when this result is ready. */
  abstract CompletableFuture<?> readiness();

  /** Forgets the whole structure iteratively. */
  static void forgetAll(ResultBase root) {
    TreeWalk.<ResultBase>over(ResultBase::forgetDependencies)
        .postOrder(root, ResultBase::forgetOwn);
  }
}
