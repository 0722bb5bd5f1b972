package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.send;
import static io.celerykit.redis.differential.Steps.settle;
import static io.celerykit.redis.differential.Steps.settleOwnOutcome;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.app.Celery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import java.util.List;
import java.util.Map;

/**
 * The canvas and callbacks: groups with chosen ids, chains and their parents, chords (and the
 * ChordError of a failing header), link and link_error. They need the Redis engine's canvas.
 */
final class CanvasScenarios {
  private CanvasScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of(
                "a group with a chosen id joins in order; members store the group id",
                run -> {
                  Celery app = run.app();
                  String id = run.freshId("group");
                  GroupResult g =
                      Canvas.group(
                              app.signature("diff.add", 1, 1),
                              app.signature("diff.add", 2, 2),
                              app.signature("diff.mul", 3, 3))
                          .taskId(id)
                          .applyAsync();
                  run.record("group", g);
                  run.outcome("join", () -> g.join(Run.WAIT));
                  for (int i = 0; i < g.size(); i++) {
                    run.meta("member" + i + ".meta", ((AsyncResult<?>) g.member(i)).id());
                  }
                  run.groupMeta("group.meta before save", id);
                  g.save();
                  run.groupMeta("group.meta", id);
                  run.record("restored", app.restoreGroup(id));
                })
            .needs(Capability.GROUP),
        Scenario.of(
                "a group's failing member is raised by join",
                run -> {
                  Celery app = run.app();
                  GroupResult g =
                      Canvas.group(
                              app.signature("diff.add", 1, 1),
                              app.signature("diff.fail", "value", "in a group"))
                          .applyAsync();
                  run.outcome("join", () -> g.join(Run.WAIT));
                  run.outcome(
                      "join quietly",
                      () -> g.join(GetOptions.defaults().timeout(Run.WAIT).propagate(false)));
                  run.meta("failed member.meta", ((AsyncResult<?>) g.member(1)).id());
                })
            .needs(Capability.GROUP),
        Scenario.of(
                "a chain passes each value on; each step's parent is the step before",
                run -> {
                  Celery app = run.app();
                  AsyncResult<Object> last =
                      Canvas.chain(
                              app.signature("diff.add", 1, 1),
                              app.signature("diff.add", 2),
                              app.signature("diff.mul", 3))
                          .applyAsync();
                  settle(run, "last", last);
                  AsyncResult<?> middle = (AsyncResult<?>) last.parent();
                  AsyncResult<?> first = (AsyncResult<?>) middle.parent();
                  run.record("first.parent", first.parent());
                  settle(run, "middle", middle);
                  settle(run, "first", first);
                })
            .needs(Capability.CHAIN),
        Scenario.of(
                "a chain stops at a failing step; get on its last step raises that failure",
                run -> {
                  Celery app = run.app();
                  AsyncResult<Object> last =
                      Canvas.chain(
                              app.signature("diff.add", 1, 1),
                              app.signature("diff.fail"),
                              app.signature("diff.add", 1))
                          .applyAsync();
                  run.outcome("last.get", () -> last.get(Run.WAIT));
                  run.record("last.state", last.state());
                  AsyncResult<?> failed = (AsyncResult<?>) last.parent();
                  settle(run, "failed", failed);
                })
            .needs(Capability.CHAIN),
        Scenario.of(
                "a chord calls its body with the header's values",
                run -> {
                  Celery app = run.app();
                  AsyncResult<Object> body =
                      Canvas.chord(
                              List.of(
                                  app.signature("diff.add", 1, 1),
                                  app.signature("diff.add", 2, 2),
                                  app.signature("diff.add", 3, 3)),
                              app.signature("diff.xsum"))
                          .applyAsync();
                  settle(run, "body", body);
                  ResultBase header = body.parent();
                  run.record("header", header);
                })
            .needs(Capability.CHORD),
        Scenario.of(
                "a chord whose header fails fails its body with ChordError",
                run -> {
                  Celery app = run.app();
                  AsyncResult<Object> body =
                      Canvas.chord(
                              List.of(
                                  app.signature("diff.add", 1, 1),
                                  app.signature("diff.fail", "value", "in a header")),
                              app.signature("diff.xsum"))
                          .applyAsync();
                  settleOwnOutcome(run, "body", body);
                })
            .needs(Capability.CHORD),
        Scenario.of(
                "a link callback gets the value and is a child of the task",
                run -> {
                  Celery app = run.app();
                  String callbackId = run.freshId("callback");
                  AsyncResult<Object> r =
                      send(
                          run,
                          "diff.add",
                          List.of(2, 2),
                          Map.of(),
                          ApplyOptions.defaults()
                              .link(app.signature("diff.mul", 10).taskId(callbackId)));
                  settle(run, "parent", r);
                  settle(run, "callback", app.asyncResult(callbackId));
                })
            .needs(Capability.LINK),
        Scenario.of(
                "a link_error errback gets the failed task's id",
                run -> {
                  Celery app = run.app();
                  String errbackId = run.freshId("errback");
                  AsyncResult<Object> r =
                      send(
                          run,
                          "diff.fail",
                          List.of("value", "linked"),
                          Map.of(),
                          ApplyOptions.defaults()
                              .linkError(app.signature("diff.identity").taskId(errbackId)));
                  settle(run, "failed", r);
                  settle(run, "errback", app.asyncResult(errbackId));
                })
            .needs(Capability.LINK));
  }
}
