package io.celerykit.app;

import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.Objects;

/** A task name registered with the app and how a run of it goes. Internal. */
final class RegisteredTask {

  /** Runs the body of one run. */
  @FunctionalInterface
  interface Body {
    Object run(TaskContext self) throws Exception;
  }

  /** Decides how one run goes: a step, or null when the run never happens. */
  @FunctionalInterface
  interface Planner {
    Step plan(TaskContext self);
  }

  /** One run: how long it takes (virtual), an optional custom state at start, the body. */
  record Step(Duration duration, TaskState progressState, Object progressMeta, Body body) {
    static Step of(Body body) {
      return new Step(Duration.ZERO, null, null, body);
    }
  }

  /** A planner for a task with a body: every run is the same immediate step. */
  static Planner always(Body body) {
    Step step = Step.of(body);
    return self -> step;
  }

  private final String name;
  private final Planner planner;
  private volatile TaskOptions options;

  RegisteredTask(String name, TaskOptions options, Planner planner) {
    this.name = name;
    this.options = Objects.requireNonNull(options, "options");
    this.planner = planner;
  }

  String name() {
    return name;
  }

  TaskOptions options() {
    return options;
  }

  void options(TaskOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  Step plan(TaskContext self) {
    return planner.plan(self);
  }
}
