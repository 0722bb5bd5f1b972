package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryApp;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.Outcome;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.util.List;
import java.util.Map;

/**
 * Results whose value is checked against the type the caller asked for: a stored value of another
 * type fails with a {@link ResultTypeException} naming the task and both types, where the untyped
 * {@code AsyncResult<T>} would let a {@link ClassCastException} surface at the caller. A whole
 * number stored as {@code Integer} is given as {@code Long} when {@code Long} is asked for (JSON
 * reads back small numbers as {@code Integer}).
 */
final class ResultTypes {
  private ResultTypes() {}

  /** Returns a checked result standing for a result handed out (keeping its parent and flags). */
  static <T> AsyncResult<T> typed(AsyncResult<?> sent, CeleryApp app, Class<T> type, String name) {
    if (sent instanceof EagerResult<?> eager) {
      return new Eager<>(eager, app, type);
    }
    AsyncResult<T> typed = new Async<>(sent.id(), app, name, sent.parent(), type);
    typed.ignored(sent.ignored());
    return typed;
  }

  /** Returns the value as the type, or fails naming the task and both types; null passes. */
  static <T> T check(Class<T> type, Object value, AsyncResult<?> result) {
    if (value == null || type.isInstance(value)) {
      return type.cast(value);
    }
    if (type == Long.class && value instanceof Integer i) {
      return type.cast(Long.valueOf(i));
    }
    String name = result.name();
    throw new ResultTypeException(
        "task "
            + (name == null ? "" : name)
            + "["
            + result.id()
            + "] stored a value of type "
            + value.getClass().getName()
            + " ("
            + shortly(value)
            + "), not the "
            + type.getName()
            + " the caller asked for"
            + hint(value));
  }

  private static String hint(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return "; the JSON result serializer reads objects back as Map and arrays as List: ask for"
          + " Map.class or List.class and convert, or use ResultSerializer.OBJECT";
    }
    if (value instanceof Number) {
      return "; the JSON result serializer reads whole numbers back as Integer (Long beyond"
          + " its range) and others as Double";
    }
    return "";
  }

  /** A task result whose {@code get} and {@code outcome} check the value's type. */
  static final class Async<T> extends AsyncResult<T> {
    private final Class<T> type;

    Async(String id, CeleryApp app, String name, ResultBase parent, Class<T> type) {
      super(id, null, name, app, parent);
      this.type = type;
    }

    @Override
    public T get(GetOptions options) {
      return check(type, super.get(options), this);
    }

    @Override
    public Outcome<T> outcome(GetOptions options) {
      return checked(type, super.outcome(options), this);
    }
  }

  /** An eager result whose {@code get} and {@code outcome} check the value's type. */
  static final class Eager<T> extends EagerResult<T> {
    private final Class<T> type;

    Eager(EagerResult<?> ran, CeleryApp app, Class<T> type) {
      super(ran.id(), ran.result(), ran.state(), ran.traceback(), ran.name(), app);
      this.type = type;
    }

    @Override
    public T get(GetOptions options) {
      return check(type, super.get(options), this);
    }

    @Override
    public Outcome<T> outcome(GetOptions options) {
      return checked(type, super.outcome(options), this);
    }
  }

  private static <T> Outcome<T> checked(Class<T> type, Outcome<T> outcome, AsyncResult<?> r) {
    if (outcome instanceof Outcome.Success<T> success) {
      TaskState state = success.state();
      return new Outcome.Success<>(state, check(type, success.result(), r));
    }
    return outcome;
  }

  /** A value's repr, cut to one short line. */
  private static String shortly(Object value) {
    String text = PythonRepr.repr(value);
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
