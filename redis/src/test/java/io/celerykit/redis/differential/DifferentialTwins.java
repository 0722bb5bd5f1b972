package io.celerykit.redis.differential;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.TaskContext;
import io.celerykit.app.TaskOptions;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Java twins of {@code src/test/python/differential_tasks.py}: the same names, arguments and
 * outcomes, registered on an {@link InMemoryCelery}. A Python task that blocks on a release key is
 * a stub that takes {@link #BLOCKED_FOR} of virtual time instead (the in-memory side's release does
 * nothing; its wait drives the clock).
 */
final class DifferentialTwins {
  /** How long (virtual time) a twin of a blocking task runs. */
  static final Duration BLOCKED_FOR = Duration.ofSeconds(5);

  /** The countdown of the Python tasks' retries. */
  private static final Duration RETRY_COUNTDOWN = Duration.ofMillis(100);

  private DifferentialTwins() {}

  /** Registers every twin on the app. */
  static void register(InMemoryCelery app) {
    app.boundTask("diff.identity", self -> arg(self, 0));
    app.boundTask("diff.add", self -> add(arg(self, 0), arg(self, 1)));
    app.boundTask("diff.mul", self -> mul(arg(self, 0), arg(self, 1)));
    app.boundTask(
        "diff.xsum",
        self -> {
          Object total = 0;
          for (Object n : (List<?>) arg(self, 0)) {
            total = add(total, n);
          }
          return total;
        });
    app.boundTask(
        "diff.concat",
        self ->
            self.args().stream()
                .map(String::valueOf)
                .collect(Collectors.joining((String) self.kwargs().getOrDefault("sep", "-"))));
    app.boundTask("diff.fail", DifferentialTwins::fail);
    app.boundTask(
            "diff.flaky",
            self -> {
              if (self.retries() < ((Number) arg(self, 0)).intValue()) {
                throw self.retry(
                    PythonErrors.builtin("OSError", "flaky " + self.retries()), RETRY_COUNTDOWN);
              }
              return Map.of("retries", self.retries());
            })
        .configure(TaskOptions.defaults().maxRetries(3));
    app.boundTask(
            "diff.exhaust",
            self -> {
              throw self.retry(PythonErrors.builtin("OSError", "never works"), RETRY_COUNTDOWN);
            })
        .configure(TaskOptions.defaults().maxRetries(2));
    app.boundTask(
            "diff.exhaust_bare",
            self -> {
              throw self.retry(null, RETRY_COUNTDOWN);
            })
        .configure(TaskOptions.defaults().maxRetries(1));
    app.boundTask(
            "diff.retry_limit",
            self -> {
              throw self.retry(PythonErrors.builtin("ValueError", "limited"), RETRY_COUNTDOWN, 1);
            })
        .configure(TaskOptions.defaults().maxRetries(5));
    app.stub("diff.retry_then_block")
        .retries(1, PythonErrors.builtin("OSError", "again"))
        .thenReturns("ok")
        .takes(BLOCKED_FOR);
    app.taskNamed("diff.retry_then_block")
        .configure(TaskOptions.defaults().maxRetries(3).defaultRetryDelay(RETRY_COUNTDOWN));
    app.boundTask(
            "diff.ignored",
            self -> {
              Object x = arg(self, 0);
              if (((Number) x).longValue() < 0) {
                throw PythonErrors.builtin("ValueError", "negative");
              }
              return x;
            })
        .configure(TaskOptions.defaults().ignoreResult(true));
    app.stub("diff.block").returns("released").takes(BLOCKED_FOR);
    app.taskNamed("diff.block").configure(TaskOptions.defaults().trackStarted(true));
    app.boundTask(
        "diff.progress",
        self -> {
          int steps = ((Number) arg(self, 0)).intValue();
          for (int i = 1; i <= steps; i++) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("current", i);
            meta.put("total", steps);
            self.updateState("PROGRESS", meta);
          }
          return steps;
        });
    app.stub("diff.progress_block")
        .progresses(TaskState.of("PROGRESS"), Map.of("step", 1))
        .takes(BLOCKED_FOR)
        .returns("done");
    app.boundTask(
        "diff.spawn",
        self -> {
          List<String> ids = new ArrayList<>();
          int count = ((Number) arg(self, 0)).intValue();
          for (int i = 0; i < count; i++) {
            ids.add(self.app().sendTask("diff.add", i, i).id());
          }
          return ids;
        });
    app.boundTask(
        "diff.tree",
        self -> {
          self.app().sendTask("diff.spawn", 2);
          self.app().sendTask("diff.add", 5, 5);
          return "root";
        });
    app.boundTask(
        "diff.spawn_fail",
        self -> {
          self.app().sendTask("diff.add", 1, 1);
          throw PythonErrors.builtin("ValueError", "after a child");
        });
  }

  /** {@code fail(kind, message="bad")}. */
  private static Object fail(TaskContext self) {
    Object kind = arg(self, 0);
    Object message = self.args().size() > 1 ? arg(self, 1) : "bad";
    throw switch (kind instanceof String s ? s : "") {
      case "value" -> PythonErrors.builtin("ValueError", message);
      case "key" -> PythonErrors.builtin("KeyError", message);
      case "custom" -> PythonErrors.custom("DiffError", message, 42);
      case "zero" -> PythonErrors.builtin("ZeroDivisionError", "division by zero");
      case "noargs" -> PythonErrors.builtin("ValueError");
      default -> PythonErrors.builtin("TypeError", "unknown kind " + repr(kind));
    };
  }

  /** Python's {@code repr} of a str or an int. */
  private static String repr(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  private static Object arg(TaskContext self, int index) {
    return self.args().get(index);
  }

  private static Object add(Object x, Object y) {
    if (x instanceof Double || y instanceof Double) {
      return ((Number) x).doubleValue() + ((Number) y).doubleValue();
    }
    return Math.addExact(((Number) x).longValue(), ((Number) y).longValue());
  }

  private static Object mul(Object x, Object y) {
    if (x instanceof Double || y instanceof Double) {
      return ((Number) x).doubleValue() * ((Number) y).doubleValue();
    }
    return Math.multiplyExact(((Number) x).longValue(), ((Number) y).longValue());
  }
}
