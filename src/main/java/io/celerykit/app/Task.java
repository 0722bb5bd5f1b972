package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registered task, as a Celery task object: call it with {@link #delay}, {@link #applyAsync} or
 * {@link #apply}, or make signatures of it for the canvas with {@link #s} and {@link #si}.
 * Thread-safe.
 *
 * <pre>{@code
 * Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
 * AsyncResult<Integer> r = add.delay(2, 3);
 * r.get();   // 5: the worker runs it when get() needs it
 * }</pre>
 *
 * @param <T> the return type
 */
public final class Task<T> {
  private final InMemoryCelery app;
  private final RegisteredTask registered;

  Task(InMemoryCelery app, RegisteredTask registered) {
    this.app = app;
    this.registered = registered;
  }

  /**
   * Returns the task's name ({@code task.name}).
   *
   * @return the name
   */
  public String name() {
    return registered.name();
  }

  /**
   * Returns the task's settings.
   *
   * @return the options
   */
  public TaskOptions options() {
    return registered.options();
  }

  /**
   * Replaces the task's settings ({@code trail}, {@code ignore_result}, {@code max_retries}, {@code
   * default_retry_delay}, {@code track_started}).
   *
   * @param options the options
   * @return this task
   */
  public Task<T> configure(TaskOptions options) {
    registered.options(options);
    return this;
  }

  /**
   * Sends the task with positional arguments ({@code task.delay(*args)}).
   *
   * @param args the arguments
   * @return the result
   */
  public AsyncResult<T> delay(Object... args) {
    return applyAsync(Arrays.asList(args), Map.of(), ApplyOptions.defaults());
  }

  /**
   * Sends the task ({@code task.apply_async(args)}).
   *
   * @param args the positional arguments
   * @return the result
   */
  public AsyncResult<T> applyAsync(List<?> args) {
    return applyAsync(args, Map.of(), ApplyOptions.defaults());
  }

  /**
   * Sends the task with options ({@code task.apply_async(args, kwargs, **options)}).
   *
   * @param args the positional arguments
   * @param kwargs the keyword arguments
   * @param options countdown, eta, expires, queue, headers, task id, links
   * @return the result ({@link EagerResult} in eager mode)
   */
  public AsyncResult<T> applyAsync(List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    return app.send(name(), args, kwargs, withTasksIgnoreResult(options));
  }

  /**
   * Celery's {@code Task.apply_async}: {@code options.setdefault('ignore_result',
   * self.ignore_result)} before {@code send_task}, which marks the result ignored from the call's
   * option alone.
   */
  private ApplyOptions withTasksIgnoreResult(ApplyOptions options) {
    if (options == null || options.ignoreResult() != null) {
      return options;
    }
    return registered.options().ignoreResult(app.config()) ? options.ignoreResult(true) : options;
  }

  /**
   * Runs the task at once in this thread and returns its result ({@code task.apply(args)}).
   *
   * @param args the positional arguments
   * @return the eager result
   */
  public EagerResult<T> apply(Object... args) {
    return app.apply(name(), Arrays.asList(args), Map.of(), ApplyOptions.defaults());
  }

  /**
   * Runs the task at once in this thread ({@code task.apply(args, kwargs, **options)}).
   *
   * @param args the positional arguments
   * @param kwargs the keyword arguments
   * @param options the task id and headers apply
   * @return the eager result
   */
  public EagerResult<T> apply(List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    return app.apply(name(), args, kwargs, options);
  }

  /**
   * Makes a signature of a call ({@code task.s(*args)}); a value passed on by a chain is prepended
   * to its arguments.
   *
   * @param args the arguments
   * @return the signature
   */
  public Signature s(Object... args) {
    return new Signature(
        app, name(), Arrays.asList(args), Map.of(), ApplyOptions.defaults(), false);
  }

  /**
   * Makes an immutable signature ({@code task.si(*args)}): it ignores values passed on by a chain.
   *
   * @param args the arguments
   * @return the signature
   */
  public Signature si(Object... args) {
    return new Signature(app, name(), Arrays.asList(args), Map.of(), ApplyOptions.defaults(), true);
  }

  /**
   * Describes the task.
   *
   * @return {@code <@task: name>}
   */
  @Override
  public String toString() {
    return "<@task: " + name() + ">";
  }

  InMemoryCelery app() {
    return Objects.requireNonNull(app);
  }
}
