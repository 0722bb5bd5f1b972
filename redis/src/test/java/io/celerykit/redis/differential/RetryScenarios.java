package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.send;
import static io.celerykit.redis.differential.Steps.settle;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.TaskState;
import java.util.List;

/**
 * Retries with a countdown of 0.1 s (virtual in memory): success after retries, retries exhausted
 * with and without an exception, max_retries given to retry, RETRY while it waits.
 */
final class RetryScenarios {
  private RetryScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of(
            "a task that retries twice succeeds on its third run",
            run -> settle(run, "flaky", send(run, "diff.flaky", 2))),
        Scenario.of(
            "a task that needs no retry succeeds with retries 0",
            run -> settle(run, "steady", send(run, "diff.flaky", 0))),
        Scenario.of(
            "past max_retries a task fails with the exception it retried with",
            run -> settle(run, "exhausted", send(run, "diff.exhaust"))),
        Scenario.of(
            "past max_retries a task that retried without an exception fails with"
                + " MaxRetriesExceededError",
            run -> settle(run, "exhausted", send(run, "diff.exhaust_bare", 1))),
        Scenario.of(
            "max_retries given to retry overrides the task's",
            run -> settle(run, "limited", send(run, "diff.retry_limit"))),
        Scenario.of(
            "RETRY is stored with the retry's exception while the retried run is pending",
            run -> {
              String key = run.key();
              AsyncResult<Object> r = send(run, "diff.retry_then_block", key);
              run.awaitState(r, TaskState.RETRY);
              run.view("retrying", r);
              run.meta("retrying.meta", r.id());
              run.release(key);
              settle(run, "done", r);
            }));
  }
}
