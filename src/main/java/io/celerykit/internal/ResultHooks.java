package io.celerykit.internal;

import io.celerykit.result.AsyncResult;

/**
 * What results tell an in-memory app besides reading its backend: the guard against waiting inside
 * a task, and which results were consumed (for strict test set-ups). Results call it when their app
 * implements it: {@code if (app instanceof ResultHooks hooks) hooks.assertWillNotBlock();}. Not
 * API.
 */
public interface ResultHooks {

  /**
   * Fails when waiting is not allowed here, as Celery's {@code assert_will_not_block}: inside a
   * task the worker runs, or a task run by an eager {@code apply_async}, unless an {@code
   * allow_join_result} scope is open; the message starts with {@code Never call result.get() within
   * a task!}.
   *
   * @throws IllegalStateException when waiting would block a task
   */
  void assertWillNotBlock();

  /**
   * Records that a result was consumed: waited on with {@code get}/{@code join} (or {@code
   * outcome}/{@code value}) or forgotten, as Celery asks of every result.
   *
   * @param result the result
   */
  void resultConsumed(AsyncResult<?> result);
}
