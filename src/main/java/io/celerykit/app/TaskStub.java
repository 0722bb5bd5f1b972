package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted task: no body, just the outcomes of its successive calls, for code that only consumes
 * results. Successive calls take the scripted outcomes in order; the last one repeats.
 *
 * <pre>{@code
 * app.stub("tasks.report")
 *     .retries(2, new IOException("flaky")).thenReturns("pdf")
 *     .takes(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TaskStub {

  /** One scripted outcome. */
  private record Outcome(Object value, Throwable failure, boolean retry, boolean never) {
    Object run(TaskContext self) throws Exception {
      if (retry) {
        throw self.retry(failure);
      }
      if (failure instanceof Exception e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return value;
    }
  }

  private final String name;
  private final List<Outcome> script = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final RegisteredTask registered;
  private volatile Duration duration = Duration.ZERO;
  private volatile TaskState progressState;
  private volatile Object progressMeta;

  TaskStub(String name) {
    this.name = name;
    this.registered = new RegisteredTask(name, TaskOptions.defaults(), this::plan);
  }

  RegisteredTask registered() {
    return registered;
  }

  private RegisteredTask.Step plan(TaskContext self) {
    Outcome outcome;
    synchronized (script) {
      if (script.isEmpty()) {
        throw new IllegalStateException(
            "stub "
                + name
                + " was called but has no scripted outcome; script it with returns(...),"
                + " fails(...), retries(...) or neverRuns()");
      }
      int call = calls.getAndIncrement();
      outcome = script.get(Math.min(call, script.size() - 1));
    }
    if (outcome.never()) {
      return null;
    }
    return new RegisteredTask.Step(duration, progressState, progressMeta, outcome::run);
  }

  private TaskStub add(Outcome outcome) {
    synchronized (script) {
      script.add(outcome);
    }
    return this;
  }

  /**
   * Returns the task name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Scripts a call that succeeds with a value.
   *
   * @param value the value
   * @return this stub
   */
  public TaskStub returns(Object value) {
    return add(new Outcome(value, null, false, false));
  }

  /**
   * Scripts the next call to succeed with a value (reads well after {@link #retries}).
   *
   * @param value the value
   * @return this stub
   */
  public TaskStub thenReturns(Object value) {
    return returns(value);
  }

  /**
   * Scripts a call that fails with an exception, stored as FAILURE; {@code get()} raises what a
   * client reads back. Under the JSON serializer (the default) that is a {@link
   * io.celerykit.result.RemoteTaskException}, as a Java client of a Python worker meets it: script
   * the worker's own exception with {@link PythonException#of(String, String)}; a Java exception
   * becomes one too ({@code excType} its simple name, {@code excModule} its package). Under {@link
   * ResultSerializer#OBJECT} the instance itself is raised.
   *
   * <pre>{@code
   * app.stub("invoices.render").fails(PythonException.of("ValueError", "bad invoice"));
   * }</pre>
   *
   * @param exception the exception
   * @return this stub
   */
  public TaskStub fails(Throwable exception) {
    Checks.requireNonNull(
        exception, "exception (such as PythonException.of(\"ValueError\", \"bad input\"))");
    return add(new Outcome(null, exception, false, false));
  }

  /**
   * Scripts the next call to fail (reads well after {@link #retries}), as {@link #fails}.
   *
   * @param exception the exception
   * @return this stub
   */
  public TaskStub thenFails(Throwable exception) {
    return fails(exception);
  }

  /**
   * Scripts {@code times} calls that ask to be retried for an exception, as {@code
   * self.retry(exc=exception)}: each stores RETRY (with the exception as a client reads it back,
   * see {@link #fails}) and is retried after the task's retry delay; past {@code max_retries} the
   * task fails with the exception, as in Celery.
   *
   * @param times how many calls retry, at least 1
   * @param exception the exception, or null
   * @return this stub
   */
  public TaskStub retries(int times, Throwable exception) {
    if (times < 1) {
      throw new IllegalArgumentException("retries(times, ...) needs times >= 1, got " + times);
    }
    for (int i = 0; i < times; i++) {
      add(new Outcome(null, exception, true, false));
    }
    return this;
  }

  /**
   * Makes every call take this long in virtual time: it starts (STARTED with task_track_started),
   * then completes when the clock reaches start + duration; a revoke with terminate in between ends
   * it as REVOKED.
   *
   * @param duration a non-negative duration
   * @return this stub
   */
  public TaskStub takes(Duration duration) {
    Checks.requireNonNull(duration, "duration (use Duration.ZERO for none)");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("takes(duration) needs a duration >= 0, got " + duration);
    }
    this.duration = duration;
    return this;
  }

  /**
   * Makes every call store a custom state with its meta when it starts, as {@code
   * update_state(state, meta)} (for example PROGRESS with {@code {"current": 1, "total": 2}}).
   *
   * @param state the custom state
   * @param meta the meta
   * @return this stub
   */
  public TaskStub progresses(TaskState state, Object meta) {
    this.progressState = Checks.requireNonNull(state, "state (such as TaskState.of(\"PROGRESS\"))");
    this.progressMeta = meta;
    return this;
  }

  /**
   * Scripts a call that the worker receives but never runs: its result stays PENDING.
   *
   * @return this stub
   */
  public TaskStub neverRuns() {
    return add(new Outcome(null, null, false, true));
  }

  /** Tells whether an outcome is scripted. */
  boolean scripted() {
    synchronized (script) {
      return !script.isEmpty();
    }
  }

  /**
   * Returns how many calls the worker started so far.
   *
   * @return the count
   */
  public int calls() {
    return calls.get();
  }

  /**
   * Tells whether the stub was ever called.
   *
   * @return true after a first call
   */
  public boolean used() {
    return calls.get() > 0;
  }
}
