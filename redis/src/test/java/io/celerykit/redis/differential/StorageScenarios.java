package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.drain;
import static io.celerykit.redis.differential.Steps.send;
import static io.celerykit.redis.differential.Steps.settle;

import io.celerykit.app.ApplyOptions;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the worker stores and when: ignore_result, result_extended on and off, task_track_started,
 * custom states, result_expires, forget and exists.
 */
final class StorageScenarios {
  private static final Duration SHORT = Duration.ofMillis(300);

  private StorageScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of(
            "a task with ignore_result stores nothing when it succeeds",
            run -> {
              AsyncResult<Object> r = send(run, "diff.ignored", 5);
              run.record("ignored", r.ignored());
              drain(run);
              run.meta("meta", r.id());
              run.record("exists", r.exists());
              run.record("state", r.state());
            }),
        Scenario.of(
            "a task with ignore_result stores nothing when it fails",
            run -> {
              AsyncResult<Object> r = send(run, "diff.ignored", -1);
              drain(run);
              run.meta("meta", r.id());
              run.record("state", r.state());
            }),
        Scenario.of(
            "a call with ignore_result stores no SUCCESS and get returns None at once",
            run -> {
              AsyncResult<Object> r =
                  send(
                      run,
                      "diff.identity",
                      List.of(7),
                      Map.of(),
                      ApplyOptions.defaults().ignoreResult(true));
              run.record("ignored", r.ignored());
              drain(run);
              run.meta("meta", r.id());
              run.outcome("get", () -> r.get(SHORT));
            }),
        Scenario.of(
            "a call with ignore_result still stores its failure",
            run -> {
              AsyncResult<Object> r =
                  send(
                      run,
                      "diff.fail",
                      List.of("value", "stored anyway"),
                      Map.of(),
                      ApplyOptions.defaults().ignoreResult(true));
              drain(run);
              run.meta("meta", r.id());
              run.record("state", r.state());
            }),
        Scenario.of(
                "without result_extended the meta has no request fields",
                run -> settle(run, "sum", send(run, "diff.add", 20, 22)))
            .under(Profile.PLAIN),
        Scenario.of(
                "without result_extended a failure's meta has no request fields",
                run -> settle(run, "failed", send(run, "diff.fail", "value", "plain")))
            .under(Profile.PLAIN),
        Scenario.of(
            "result_extended stores name, args, kwargs, worker, queue and retries",
            run ->
                settle(
                    run,
                    "joined",
                    send(
                        run,
                        "diff.concat",
                        List.of("x", 2),
                        Map.of("sep", ":"),
                        ApplyOptions.defaults()))),
        Scenario.of(
            "task_track_started stores STARTED with the worker's pid and hostname",
            run -> {
              String key = run.key();
              AsyncResult<Object> r = send(run, "diff.block", key);
              run.awaitState(r, TaskState.STARTED);
              run.view("started", r);
              run.record("started.info", r.info());
              run.meta("started.meta", r.id());
              run.release(key);
              settle(run, "done", r);
            }),
        Scenario.of(
            "update_state stores PROGRESS metas and the end stores SUCCESS",
            run -> settle(run, "progress", send(run, "diff.progress", 3))),
        Scenario.of(
            "a PROGRESS meta is read while the task runs",
            run -> {
              String key = run.key();
              AsyncResult<Object> r = send(run, "diff.progress_block", key);
              run.awaitState(r, TaskState.of("PROGRESS"));
              run.view("running", r);
              run.record("running.info", r.info());
              run.record("running.ready", r.ready());
              run.meta("running.meta", r.id());
              run.release(key);
              settle(run, "done", r);
            }),
        Scenario.of(
            "a stored result lives result_expires",
            run -> {
              AsyncResult<Object> r = send(run, "diff.add", 1, 2);
              run.outcome("get", () -> r.get(Run.WAIT));
              run.ttl("ttl", r.id());
            }),
        Scenario.of(
            "a saved group lives result_expires",
            run -> {
              AsyncResult<Object> a = send(run, "diff.add", 1, 1);
              AsyncResult<Object> b = send(run, "diff.add", 2, 2);
              GroupResult g = new GroupResult(run.freshId("saved"), List.of(a, b), run.app());
              run.outcome("join", () -> g.join(Run.WAIT));
              g.save();
              run.groupMeta("group.meta", g.id());
              run.groupTtl("group.ttl", g.id());
            }),
        Scenario.of(
                "forget deletes the meta: exists turns false, the state PENDING, get times out",
                run -> {
                  AsyncResult<Object> r = send(run, "diff.add", 2, 2);
                  run.outcome("get", () -> r.get(Run.WAIT));
                  run.record("exists before", r.exists());
                  r.forget();
                  run.record("exists after", r.exists());
                  run.meta("meta", r.id());
                  run.record("state", r.state());
                  run.outcome("get after forget", () -> r.get(SHORT));
                })
            .expect(KnownDifference.TIMEOUT_HINT_NAMES_THE_ENGINE, "get after forget"),
        Scenario.of(
                "an id nothing was sent for is PENDING, does not exist and get times out",
                run -> {
                  AsyncResult<Object> r = run.app().asyncResult(run.freshId("unknown"));
                  run.record("state", r.state());
                  run.record("exists", r.exists());
                  run.record("ready", r.ready());
                  run.meta("meta", r.id());
                  run.outcome("get", () -> r.get(SHORT));
                })
            .expect(KnownDifference.TIMEOUT_HINT_NAMES_THE_ENGINE, "get"));
  }
}
