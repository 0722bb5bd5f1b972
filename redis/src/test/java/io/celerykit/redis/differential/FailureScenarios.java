package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.send;
import static io.celerykit.redis.differential.Steps.settle;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.Outcome;
import java.util.List;

/** Tasks that raise Python exceptions: what get raises, what the API shows, what is stored. */
final class FailureScenarios {
  private FailureScenarios() {}

  static List<Scenario> all() {
    return List.of(
        failing("a ValueError keeps its type, module and message", "value", "bad"),
        failing(
            "a KeyError's message is the repr of its key, as Python prints it", "key", "missing"),
        failing(
            "an exception class of the task module keeps its module and both arguments",
            "custom",
            "mine"),
        failing("a ZeroDivisionError raised by the interpreter", "zero"),
        failing("a ValueError without arguments has an empty message", "noargs"),
        failing("a TypeError names the argument with its repr", "what"),
        Scenario.of(
                "a task name nobody registered fails",
                run -> {
                  Object sent =
                      run.outcome("send", () -> run.app().sendTask("diff.unregistered", 1));
                  if (sent instanceof AsyncResult<?> r) {
                    run.outcome("result.get", () -> r.get(Run.WAIT));
                    run.meta("result.meta", r.id());
                  }
                })
            .expect(KnownDifference.NOT_REGISTERED_AT_SEND, "send", "result.*"),
        Scenario.of(
            "get with propagate false returns the exception as the value",
            run -> {
              AsyncResult<Object> r = send(run, "diff.fail", "value", "quiet");
              GetOptions quiet = GetOptions.defaults().timeout(Run.WAIT).propagate(false);
              run.outcome("value", () -> r.value(quiet));
              Outcome<Object> o = r.outcome(quiet);
              run.note("outcome", o.getClass().getSimpleName() + " in " + o.state());
              run.record("ready", r.ready());
              run.record("successful", r.successful());
              run.record("failed", r.failed());
            }),
        Scenario.of(
            "maybeThrow re-raises a stored failure and returns a stored value",
            run -> {
              AsyncResult<Object> bad = send(run, "diff.fail", "key", "k");
              AsyncResult<Object> good = send(run, "diff.add", 1, 1);
              run.outcome("bad.get", () -> bad.get(Run.WAIT));
              run.outcome("good.get", () -> good.get(Run.WAIT));
              run.outcome("bad.maybeThrow", bad::maybeThrow);
              run.outcome("good.maybeThrow", good::maybeThrow);
            }),
        Scenario.of(
            "a failing task keeps the child it sent before raising",
            run -> {
              AsyncResult<Object> r = send(run, "diff.spawn_fail");
              settle(run, "parent", r);
              AsyncResult<?> child = (AsyncResult<?>) r.children().get(0);
              settle(run, "child", child);
            }));
  }

  private static Scenario failing(String name, Object... args) {
    return Scenario.of(name, run -> settle(run, "failed", send(run, "diff.fail", args)));
  }
}
