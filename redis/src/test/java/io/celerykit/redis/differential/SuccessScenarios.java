package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.identity;
import static io.celerykit.redis.differential.Steps.send;
import static io.celerykit.redis.differential.Steps.settle;

import io.celerykit.app.ApplyOptions;
import io.celerykit.result.AsyncResult;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tasks that succeed: values of every JSON kind come back and are stored as Celery stores them. */
final class SuccessScenarios {
  private SuccessScenarios() {}

  static List<Scenario> all() {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("zeta", 1);
    dict.put("alpha", List.of("x", "y"));
    dict.put("nested", Map.of("k", true));
    dict.put("none", null);
    return List.of(
        identity("an int comes back as the same int", 42),
        identity(
            "floats keep Python's repr when stored",
            List.of(1.5, 2.0, 1e-7, 1e300, -0.0, 0.1 + 0.2, 123456789.125)),
        identity("a string comes back unchanged", "hello, world"),
        identity(
            "unicode is stored with Python's ASCII escapes and comes back unchanged",
            "żółw ☃ 😀 \"quoted\" back\\slash tab\t"),
        identity(
            "a nested list keeps its order and element types",
            List.of(1, "a", List.of(true, false), List.of(), 2.5)),
        identity("a dict keeps its key order", dict),
        identity("None comes back as null", null),
        identity(
            "big integers come back beyond the int range",
            List.of(
                2147483648L,
                -2147483649L,
                Long.MAX_VALUE,
                new BigInteger("18446744073709551616"),
                new BigInteger("-1180591620717411303424"))),
        identity("booleans come back as booleans", Arrays.asList(true, false, null)),
        Scenario.of(
            "NaN and the infinities are stored as Python's json writes them",
            run -> {
              Object sent =
                  run.outcome(
                      "send",
                      () ->
                          run.app()
                              .sendTask(
                                  "diff.identity",
                                  List.of(
                                      Double.NaN,
                                      Double.POSITIVE_INFINITY,
                                      Double.NEGATIVE_INFINITY)));
              if (sent instanceof AsyncResult<?> r) {
                run.outcome("get", () -> r.get(Run.WAIT));
                run.outcome("state", r::state);
                run.meta("meta", r.id());
              }
            }),
        Scenario.of(
            "a countdown delays the task, which then succeeds",
            run ->
                settle(
                    run,
                    "later",
                    send(
                        run,
                        "diff.add",
                        List.of(4, 4),
                        Map.of(),
                        ApplyOptions.defaults().countdown(Duration.ofMillis(300))))),
        Scenario.of(
            "an eta in the past runs at once",
            run -> {
              Instant past = run.app().backend().clock().instant().minusSeconds(60);
              settle(
                  run,
                  "overdue",
                  send(
                      run, "diff.add", List.of(5, 5), Map.of(), ApplyOptions.defaults().eta(past)));
            }),
        Scenario.of("a task adds two ints", run -> settle(run, "sum", send(run, "diff.add", 2, 3))),
        Scenario.of(
            "positional and keyword arguments reach the task",
            run ->
                settle(
                    run,
                    "joined",
                    send(
                        run,
                        "diff.concat",
                        List.of("a", 1, "b"),
                        Map.of("sep", "+"),
                        ApplyOptions.defaults()))),
        Scenario.of(
            "a list argument reaches the task as a list",
            run -> settle(run, "total", send(run, "diff.xsum", List.of(1, 2, 3, 4)))),
        Scenario.of(
            "a signature applied with partial arguments prepends them",
            run -> {
              AsyncResult<?> r =
                  (AsyncResult<?>) run.app().signature("diff.mul", 6).applyAsync(List.of(7));
              settle(run, "product", r);
            }),
        Scenario.of(
            "a chosen task id is the result's id and the stored meta's",
            run -> {
              String id = run.freshId("chosen");
              AsyncResult<Object> r =
                  send(
                      run, "diff.add", List.of(1, 2), Map.of(), ApplyOptions.defaults().taskId(id));
              run.record("id is the chosen one", r.id().equals(id));
              settle(run, "chosen", r);
            }));
  }
}
