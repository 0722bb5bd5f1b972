package io.celerykit.redis.differential;

import io.celerykit.app.Celery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.TaskState;
import java.time.Duration;

/**
 * One engine prepared for one run of a scenario: the app the scenario's body uses, and what only
 * the engine can do (read what is stored exactly, release a blocked task, wait for a state).
 */
interface Session extends AutoCloseable {

  /** Returns the app the scenario's body drives. */
  Celery app();

  /** Returns the exact JSON text stored for a task ({@code celery-task-meta-<id>}), or null. */
  String taskMetaJson(String taskId);

  /** Returns the exact JSON text stored for a group ({@code celery-taskset-meta-<id>}), or null. */
  String groupMetaJson(String groupId);

  /**
   * Describes how long a task's stored meta lives from now, through {@link Normalizer#ttl}. It may
   * move the engine's clock: call it last.
   */
  String taskTimeToLive(String taskId);

  /** Describes how long a saved group lives from now, as {@link #taskTimeToLive}. */
  String groupTimeToLive(String groupId);

  /**
   * Releases a task blocked on the key (the real worker's BLPOP); the in-memory side's twin takes
   * virtual time instead, so there this does nothing.
   */
  void release(String key);

  /**
   * Waits until the result is in the state: on Redis by polling with a deadline, in memory by
   * stepping the worker.
   *
   * @throws AssertionError when the state is not reached within the wait
   */
  void awaitState(AsyncResult<?> result, TaskState state, Duration atMost);

  /** Closes what the run opened (an in-memory app; nothing for the shared Redis clients). */
  @Override
  void close();
}
