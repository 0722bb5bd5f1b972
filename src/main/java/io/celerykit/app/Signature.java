package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.internal.PythonRepr;
import io.celerykit.result.AsyncResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A task call to be made later, as Celery's {@code signature} ({@code task.s(...)}, {@code
 * task.si(...)}): name, arguments, options, and whether it is immutable. Immutable itself.
 *
 * <pre>{@code
 * Signature step = add.s(10);              // add(previous, 10) in a chain
 * AsyncResult<Object> r = step.delay(5);   // add(5, 10)
 * }</pre>
 */
public final class Signature implements CanvasElement {
  private final Celery app;
  private final String taskName;
  private final List<Object> args;
  private final Map<String, Object> kwargs;
  private final ApplyOptions options;
  private final boolean immutable;

  Signature(
      Celery app,
      String taskName,
      List<?> args,
      Map<String, ?> kwargs,
      ApplyOptions options,
      boolean immutable) {
    this.app = Checks.requireNonNull(app, "app");
    this.taskName = Checks.requireNonNull(taskName, "task name");
    this.args = List.copyOf(nonNulls(Checks.requireNonNull(args, "args (use List.of() for none)")));
    Checks.requireNonNull(kwargs, "kwargs (use Map.of() for none)");
    this.kwargs =
        kwargs.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    this.options = Checks.requireNonNull(options, "options (use ApplyOptions.defaults() for none)");
    this.immutable = immutable;
  }

  /** Whether a list holds an element (by identity); null-safe for immutable lists. */
  private static boolean holds(List<?> list, Object element) {
    for (Object o : list) {
      if (o == element) {
        return true;
      }
    }
    return false;
  }

  private static List<?> nonNulls(List<?> args) {
    if (!holds(args, null)) {
      return args;
    }
    List<Object> out = new ArrayList<>(args.size());
    for (Object a : args) {
      out.add(a == null ? NullArg.INSTANCE : a);
    }
    return out;
  }

  /**
   * Returns the task name.
   *
   * @return the name
   */
  public String taskName() {
    return taskName;
  }

  /**
   * Returns the positional arguments.
   *
   * @return an unmodifiable list
   */
  public List<Object> args() {
    if (!holds(args, NullArg.INSTANCE)) {
      return args;
    }
    List<Object> out = new ArrayList<>(args.size());
    for (Object a : args) {
      out.add(a == NullArg.INSTANCE ? null : a);
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * Returns the keyword arguments.
   *
   * @return an unmodifiable map
   */
  public Map<String, Object> kwargs() {
    return kwargs;
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public ApplyOptions options() {
    return options;
  }

  /**
   * Tells whether the signature ignores values passed on to it ({@code si}).
   *
   * @return true when immutable
   */
  public boolean immutable() {
    return immutable;
  }

  /**
   * Returns a copy with keyword arguments.
   *
   * @param kw the keyword arguments
   * @return the new signature
   */
  public Signature withKwargs(Map<String, ?> kw) {
    return new Signature(app, taskName, args(), kw, options, immutable);
  }

  /**
   * Returns a copy with options ({@code sig.set(**options)}).
   *
   * @param newOptions the options
   * @return the new signature
   */
  public Signature set(ApplyOptions newOptions) {
    return new Signature(app, taskName, args(), kwargs, newOptions, immutable);
  }

  /**
   * Returns a copy with its options changed by a function of the current ones, as Celery's {@code
   * sig.set(task_id=...)}, which keeps the options it does not name.
   *
   * <pre>{@code
   * Signature later = add.s(2, 2).set(o -> o.countdown(Duration.ofSeconds(10)));
   * Signature both = later.set(o -> o.taskId("t1"));   // still due in 10 s
   * }</pre>
   *
   * @param change gets the current options and returns the new ones
   * @return the new signature
   */
  public Signature set(UnaryOperator<ApplyOptions> change) {
    Checks.requireNonNull(change, "change");
    return set(change.apply(options));
  }

  /**
   * Returns a copy with a task id of the caller's choosing, as Celery's {@code
   * sig.set(task_id=id)}; the other options stay.
   *
   * <pre>{@code
   * add.s(2, 2).taskId("t1").delay().id();   // "t1"
   * }</pre>
   *
   * @param id a non-blank id
   * @return the new signature
   */
  public Signature taskId(String id) {
    return set(options.taskId(id));
  }

  /**
   * Returns the signature with a value passed on to it: prepended to the arguments, unless the
   * signature is immutable.
   *
   * @param value the value
   * @return the new signature (this one when immutable)
   */
  public Signature withPrepended(Object value) {
    if (immutable) {
      return this;
    }
    List<Object> more = new ArrayList<>(args.size() + 1);
    more.add(value);
    more.addAll(args());
    return new Signature(app, taskName, more, kwargs, options, false);
  }

  /**
   * Sends the call ({@code sig.delay(*more)}): extra arguments are prepended unless immutable.
   *
   * @param <T> the value type
   * @param more extra arguments
   * @return the result
   */
  public <T> AsyncResult<T> delay(Object... more) {
    Signature sig = this;
    for (int i = more.length - 1; i >= 0; i--) {
      sig = sig.withPrepended(more[i]);
    }
    return sig.applyAsync();
  }

  /**
   * Sends the call as it is ({@code sig.apply_async()}).
   *
   * @param <T> the value type
   * @return the result
   */
  public <T> AsyncResult<T> applyAsync() {
    return app.sendTask(taskName, args(), kwargs, options);
  }

  /**
   * Sends the call with partial arguments prepended, unless immutable ({@code
   * sig.apply_async(args)}); the form every {@link CanvasElement} shares.
   *
   * <pre>{@code
   * AsyncResult<Object> r = add.s(10).applyAsync(List.of(5));   // add(5, 10)
   * }</pre>
   *
   * @param partial the partial arguments
   * @return the result
   */
  @Override
  public AsyncResult<Object> applyAsync(List<?> partial) {
    Signature sig = this;
    for (int i = partial.size() - 1; i >= 0; i--) {
      sig = sig.withPrepended(partial.get(i));
    }
    return sig.applyAsync();
  }

  /**
   * Describes the call as Celery's repr: {@code tasks.add(2, 3)}.
   *
   * @return the text
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(taskName).append('(');
    List<Object> a = args();
    for (int i = 0; i < a.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(PythonRepr.repr(a.get(i)));
    }
    for (Map.Entry<String, Object> e : kwargs.entrySet()) {
      sb.append(a.isEmpty() && sb.charAt(sb.length() - 1) == '(' ? "" : ", ");
      sb.append(e.getKey()).append('=').append(PythonRepr.repr(e.getValue()));
    }
    return sb.append(')').append(immutable ? " (immutable)" : "").toString();
  }

  /**
   * Returns the app the signature sends to.
   *
   * @return the app
   */
  public Celery app() {
    return app;
  }

  /** Stands in for a null argument inside immutable lists. */
  private enum NullArg {
    INSTANCE
  }
}
