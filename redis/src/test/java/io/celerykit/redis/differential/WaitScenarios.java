package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.send;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waiting: get and join time out on a running task, then return; result sets join in member order,
 * natively too, count what is done; a group built by the client is saved and restored.
 */
final class WaitScenarios {
  private static final Duration SHORT = Duration.ofMillis(300);

  private WaitScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of(
                "get times out on a running task, then returns once it is released",
                run -> {
                  String key = run.key();
                  AsyncResult<Object> r = send(run, "diff.block", key);
                  run.outcome("get too soon", () -> r.get(SHORT));
                  run.release(key);
                  run.outcome("get", () -> r.get(Run.WAIT));
                  run.record("state", r.state());
                })
            .expect(KnownDifference.TIMEOUT_HINT_NAMES_THE_ENGINE, "get too soon"),
        Scenario.of(
            "wait is get",
            run -> {
              AsyncResult<Object> r = send(run, "diff.mul", 3, 4);
              run.outcome("wait", () -> r.wait(Run.WAIT));
            }),
        Scenario.of(
            "a result set joins in member order and counts its completed members",
            run -> {
              ResultSet rs = run.app().resultSet(three(run));
              run.outcome("join", () -> rs.join(Run.WAIT));
              describe(run, "set", rs);
            }),
        Scenario.of(
            "joinNative of a result set returns what join returns",
            run -> {
              ResultSet rs = run.app().resultSet(three(run));
              run.record("supportsNativeJoin", rs.supportsNativeJoin());
              run.outcome(
                  "joinNative", () -> rs.joinNative(GetOptions.defaults().timeout(Run.WAIT)));
              run.outcome("join", () -> rs.join(Run.WAIT));
            }),
        Scenario.of(
            "join raises a member's failure; with propagate false it returns it as a value",
            run -> {
              ResultSet rs =
                  run.app()
                      .resultSet(
                          List.of(
                              send(run, "diff.add", 1, 1),
                              send(run, "diff.fail", "value", "member"),
                              send(run, "diff.add", 2, 2)));
              run.outcome("join", () -> rs.join(Run.WAIT));
              run.outcome(
                  "join quietly",
                  () -> rs.join(GetOptions.defaults().timeout(Run.WAIT).propagate(false)));
              describe(run, "set", rs);
            }),
        Scenario.of(
            "a result set counts the members done while one still runs",
            run -> {
              String key = run.key();
              AsyncResult<Object> quick = send(run, "diff.add", 1, 1);
              AsyncResult<Object> slow = send(run, "diff.block", key);
              ResultSet rs = run.app().resultSet(List.of(quick, slow));
              run.outcome("quick", () -> quick.get(Run.WAIT));
              run.awaitState(slow, TaskState.STARTED);
              describe(run, "while running", rs);
              run.release(key);
              run.outcome("join", () -> rs.join(Run.WAIT));
              describe(run, "after", rs);
            }),
        Scenario.of(
                "join times out on a member still running, then returns once it is released",
                run -> {
                  String key = run.key();
                  AsyncResult<Object> quick = send(run, "diff.add", 3, 3);
                  ResultSet rs = run.app().resultSet(List.of(quick, send(run, "diff.block", key)));
                  run.outcome("quick", () -> quick.get(Run.WAIT));
                  run.outcome("join too soon", () -> rs.join(SHORT));
                  run.release(key);
                  run.outcome("join", () -> rs.join(Run.WAIT));
                })
            .expect(KnownDifference.TIMEOUT_HINT_NAMES_THE_ENGINE, "join too soon.cause"),
        Scenario.of(
            "a group built by the client is saved, restored by its id and deleted",
            run -> {
              String id = run.freshId("group");
              GroupResult g = new GroupResult(id, three(run), run.app());
              run.outcome("join", () -> g.join(Run.WAIT));
              g.save();
              run.groupMeta("saved", id);
              GroupResult restored = run.app().restoreGroup(id);
              run.record("restored", restored);
              run.record("restored equals saved", restored.equals(g));
              run.outcome("restored.join", () -> restored.join(Run.WAIT));
              g.delete();
              run.groupMeta("deleted", id);
              run.outcome("restore deleted", () -> run.app().restoreGroup(id));
            }));
  }

  private static List<ResultBase> three(Run run) {
    List<ResultBase> out = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      out.add(send(run, "diff.add", i, i * 10));
    }
    return out;
  }

  static void describe(Run run, String label, ResultSet rs) {
    run.record(label + ".completedCount", rs.completedCount());
    run.record(label + ".ready", rs.ready());
    run.record(label + ".successful", rs.successful());
    run.record(label + ".failed", rs.failed());
    run.record(label + ".waiting", rs.waiting());
  }
}
