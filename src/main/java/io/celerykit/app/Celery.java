package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryApp;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a service does with Celery, whichever engine runs the tasks: send a task by name with
 * {@code apply_async}'s options, build signatures and the canvas (group, chain, chord), get results
 * by id ({@code app.AsyncResult}), restore groups, revoke through {@link #control()}, forget. Write
 * production code against this interface; wire in the Redis engine in production and {@link
 * InMemoryCelery} in tests.
 *
 * <pre>{@code
 * Celery celery = ...;                                      // RedisCelery or InMemoryCelery
 * AsyncResult<String> r = celery.sendTask("invoices.render", List.of("INV-1"), Map.of(),
 *     ApplyOptions.defaults().queue("pdf"));
 * String pdf = r.get(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface Celery extends CeleryApp, AutoCloseable {

  /**
   * Sends a task by name, as Celery's {@code app.send_task(name, args, kwargs, **options)}.
   *
   * @param <T> the value type the task returns
   * @param name the task name, such as {@code "tasks.add"}
   * @param args the positional arguments ({@code List.of()} for none)
   * @param kwargs the keyword arguments ({@code Map.of()} for none)
   * @param options {@code apply_async}'s options ({@link ApplyOptions#defaults()} for none)
   * @return the result
   */
  <T> AsyncResult<T> sendTask(
      String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options);

  /**
   * Sends a task by name with positional arguments only, as {@code app.send_task(name, args)}. The
   * value type {@code T} is the caller's word, not checked: a wrong one compiles and fails later,
   * as a {@link ClassCastException} where the value is used; {@link #sendTask(String, Class,
   * Object...)} checks it.
   *
   * @param <T> the value type the task returns
   * @param name the task name
   * @param args the positional arguments
   * @return the result
   */
  default <T> AsyncResult<T> sendTask(String name, Object... args) {
    Objects.requireNonNull(args, "args (pass no arguments for none)");
    return sendTask(name, Arrays.asList(args), Map.of(), ApplyOptions.defaults());
  }

  /**
   * Sends a task by name whose value must be of a type, as {@code app.send_task(name, args)}: the
   * result's {@code get} and {@code outcome} check the stored value and fail with a {@link
   * ResultTypeException} naming the task, the type asked for and the type stored. The untyped
   * {@link #sendTask(String, Object...)} trusts the caller: a wrong {@code T} compiles, and fails
   * later as a bare {@link ClassCastException} where the value is used.
   *
   * <pre>{@code
   * AsyncResult<String> pdf = celery.sendTask("invoices.render", String.class, "INV-1");
   * String text = pdf.get(Duration.ofSeconds(30));   // ResultTypeException if it stored a Map
   * }</pre>
   *
   * @param <T> the value type
   * @param name the task name
   * @param type the value type, e.g. {@code String.class} ({@code Long} accepts whole numbers that
   *     JSON read back as {@code Integer})
   * @param args the positional arguments
   * @return the checked result
   */
  default <T> AsyncResult<T> sendTask(String name, Class<T> type, Object... args) {
    Objects.requireNonNull(args, "args (pass no arguments for none)");
    return sendTask(name, type, Arrays.asList(args), Map.of(), ApplyOptions.defaults());
  }

  /**
   * Sends a task by name with {@code apply_async}'s options, its value checked against a type (see
   * {@link #sendTask(String, Class, Object...)}).
   *
   * @param <T> the value type
   * @param name the task name
   * @param type the value type
   * @param args the positional arguments
   * @param kwargs the keyword arguments
   * @param options {@code apply_async}'s options
   * @return the checked result
   */
  default <T> AsyncResult<T> sendTask(
      String name, Class<T> type, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    io.celerykit.internal.Checks.requireNonNull(type, "type (such as String.class)");
    AsyncResult<Object> sent = sendTask(name, args, kwargs, options);
    return ResultTypes.typed(sent, this, type, name);
  }

  /**
   * Returns the result of a task id whose value must be of a type, as {@code app.AsyncResult(id)}
   * with the check of {@link #sendTask(String, Class, Object...)}.
   *
   * @param <T> the value type
   * @param taskId the task id
   * @param type the value type
   * @return the checked result
   */
  default <T> AsyncResult<T> asyncResult(String taskId, Class<T> type) {
    io.celerykit.internal.Checks.requireNonNull(type, "type (such as String.class)");
    return ResultTypes.typed(asyncResult(taskId), this, type, null);
  }

  /**
   * Makes a signature of a task by name, as Celery's {@code app.signature(name, args, kwargs,
   * **options)}; combine signatures with {@link Canvas}.
   *
   * @param name the task name
   * @param args the positional arguments
   * @param kwargs the keyword arguments
   * @param options {@code apply_async}'s options
   * @return the signature (mutable: partial arguments are prepended)
   */
  default Signature signature(
      String name, List<?> args, Map<String, ?> kwargs, ApplyOptions options) {
    return new Signature(this, name, args, kwargs, options, false);
  }

  /**
   * Makes a signature of a task by name with positional arguments, as {@code app.signature(name,
   * args)}.
   *
   * @param name the task name
   * @param args the positional arguments
   * @return the signature
   */
  default Signature signature(String name, Object... args) {
    Objects.requireNonNull(args, "args (pass no arguments for none)");
    return signature(name, Arrays.asList(args), Map.of(), ApplyOptions.defaults());
  }

  /**
   * Restores a group saved with {@link GroupResult#save()}, as Celery's {@code
   * GroupResult.restore(id, app=app)}.
   *
   * @param groupId the group id
   * @return the group result
   * @throws io.celerykit.result.GroupNotFoundException when nothing is saved under the id
   */
  default GroupResult restoreGroup(String groupId) {
    return GroupResult.restore(groupId, this);
  }

  /**
   * Sends a canvas element with partial arguments, the engine's side of {@code
   * Signature.applyAsync}, {@code Group.applyAsync}, {@code Chain.applyAsync} and {@code
   * Chord.applyAsync}: those call it on the app of their signatures. Application code calls the
   * element's own {@code applyAsync}.
   *
   * @param element the signature, group, chain or chord
   * @param partialArgs arguments prepended to the first tasks' (unless immutable)
   * @return the element's result: an {@link AsyncResult}, or a {@link GroupResult} for a group (or
   *     a chain or chord that ends in one)
   */
  ResultBase applyCanvas(CanvasElement element, List<?> partialArgs);

  /**
   * Releases what the engine holds (connections, threads); results already handed out keep what
   * they read.
   */
  @Override
  void close();
}
