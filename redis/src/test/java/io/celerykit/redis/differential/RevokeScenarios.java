package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.send;
import static io.celerykit.redis.differential.Steps.settle;

import io.celerykit.app.ApplyOptions;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Revocation: before the task starts, terminating it while it runs (a prefork worker), by {@code
 * expires}, and of a task already done.
 */
final class RevokeScenarios {
  private RevokeScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of(
                "a task revoked before it starts is stored REVOKED",
                run -> {
                  AsyncResult<Object> r =
                      send(
                          run,
                          "diff.add",
                          List.of(1, 1),
                          Map.of(),
                          ApplyOptions.defaults().countdown(Duration.ofSeconds(1)));
                  r.revoke();
                  settle(run, "revoked", r);
                })
            .needs(Capability.REVOKE),
        Scenario.of(
                "revoke with terminate ends a running task as REVOKED",
                run -> {
                  String key = run.key();
                  AsyncResult<Object> r = send(run, "diff.block", key);
                  run.awaitState(r, TaskState.STARTED);
                  r.revoke(RevokeOptions.defaults().terminate(true).signal("SIGKILL"));
                  settle(run, "terminated", r);
                })
            .needs(Capability.REVOKE)
            .under(Profile.PREFORK),
        Scenario.of(
            "a task whose expires passes before its countdown is stored REVOKED",
            run -> {
              AsyncResult<Object> r =
                  send(
                      run,
                      "diff.add",
                      List.of(1, 1),
                      Map.of(),
                      ApplyOptions.defaults()
                          .countdown(Duration.ofMillis(500))
                          .expires(Duration.ofMillis(100)));
              settle(run, "expired", r);
            }),
        Scenario.of(
            "a task whose expires instant is already past is stored REVOKED",
            run -> {
              Instant past = run.app().backend().clock().instant().minusSeconds(5);
              settle(
                  run,
                  "expired",
                  send(
                      run,
                      "diff.add",
                      List.of(1, 1),
                      Map.of(),
                      ApplyOptions.defaults().expires(past)));
            }),
        Scenario.of(
                "revoking a task that is done changes nothing",
                run -> {
                  AsyncResult<Object> r = send(run, "diff.add", 1, 1);
                  run.outcome("get", () -> r.get(Run.WAIT));
                  r.revoke();
                  settle(run, "done", r);
                })
            .needs(Capability.REVOKE));
  }
}
