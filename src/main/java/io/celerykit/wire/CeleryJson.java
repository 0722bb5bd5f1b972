package io.celerykit.wire;

import io.celerykit.internal.PlainScalars;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Celery's JSON wire format: the task meta stored under {@code celery-task-meta-<id>}, the group
 * meta under {@code celery-taskset-meta-<id>}, exceptions as {@code {"exc_type", "exc_message",
 * "exc_module"}}, result tuples, and {@code date_done} — written exactly as Celery 5 writes them
 * (key order, separators, date format) and read back.
 *
 * <pre>{@code
 * TaskMeta meta = CeleryJson.readTaskMeta(redisValue);     // a Python failure becomes a RemoteTaskException
 * String again = CeleryJson.writeTaskMeta(meta);           // the same JSON text
 * }</pre>
 */
public final class CeleryJson {

  /** How many characters of a bad value an error message shows. */
  private static final int SHOWN = 200;

  private CeleryJson() {}

  // ---------------------------------------------------------------- task meta

  /**
   * Writes a task meta as Celery stores it: keys {@code status, result, traceback, children,
   * date_done}, then {@code group_id} and {@code parent_id} when set, then the result_extended keys
   * {@code name, args, kwargs, worker, retries, queue} when the meta has any of them (the others as
   * null), then {@code task_id}.
   *
   * @param meta the meta
   * @return the JSON text
   * @throws EncodeException when the result cannot be encoded as JSON
   */
  public static String writeTaskMeta(TaskMeta meta) {
    return PythonJson.dumps(toJsonMap(meta));
  }

  /**
   * Returns the meta as the ordered map Celery stores (before JSON encoding).
   *
   * @param meta the meta
   * @return an ordered map of JSON values
   */
  public static Map<String, Object> toJsonMap(TaskMeta meta) {
    return TaskMetaWriter.write(meta);
  }

  /**
   * Reads a task meta from Celery's JSON.
   *
   * @param json the stored text
   * @return the meta
   * @throws WireFormatException naming the key at fault
   */
  public static TaskMeta readTaskMeta(String json) {
    return readTaskMeta(json, "task meta");
  }

  /**
   * Reads a task meta from Celery's JSON, naming the source in errors.
   *
   * @param json the stored text
   * @param source where the text came from (a file and key), for error messages
   * @return the meta
   * @throws WireFormatException naming the source and the key at fault
   */
  public static TaskMeta readTaskMeta(String json, String source) {
    Object parsed = parse(json, source);
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new WireFormatException(
          source + ": expected a JSON object (a task meta), got " + shown(parsed));
    }
    return fromJsonMap(asStringMap(map), null, source);
  }

  /**
   * Builds a meta from a parsed JSON object.
   *
   * @param json the parsed object
   * @param fallbackId the id to use when {@code task_id} is missing, or null to require it
   * @param source where it came from, for error messages
   * @return the meta
   * @throws WireFormatException naming the source and the key at fault
   */
  public static TaskMeta fromJsonMap(Map<String, ?> json, String fallbackId, String source) {
    return TaskMetaReader.read(json, fallbackId, source);
  }

  /** A value as an error message shows it: its JSON, cut short. */
  static String shown(Object value) {
    return PythonJson.preview(value, SHOWN);
  }

  // ---------------------------------------------------------------- exceptions

  /**
   * Encodes an exception as Celery does: {@code {"exc_type", "exc_message", "exc_module"}}.
   * celerykit's own exceptions take their Celery names ({@code TaskRevokedError} in {@code
   * celery.exceptions}, ...); a {@link RemoteTaskException} gives back its Python fields; any other
   * exception its simple class name ({@code Outer$1} for an anonymous class), its message and its
   * package.
   *
   * @param error the exception
   * @return an ordered map
   */
  public static Map<String, Object> encodeException(Throwable error) {
    return ExceptionJson.encode(error);
  }

  /**
   * Decodes Celery's exception dict: Celery's own {@code TaskRevokedError}, {@code
   * MaxRetriesExceededError}, {@code TimeoutError} and {@code ChordError} become celerykit's
   * exceptions (as Celery's {@code exception_to_python} rebuilds its own classes), anything else a
   * {@link RemoteTaskException} with the Python type, module and arguments.
   *
   * @param json the dict
   * @param traceback the traceback text, or null
   * @param source where it came from, for error messages
   * @return the exception
   */
  public static Throwable decodeException(Map<String, ?> json, String traceback, String source) {
    return ExceptionJson.decode(json, traceback, source);
  }

  // ---------------------------------------------------------------- values

  /**
   * Encodes a value the way Celery's JSON serializer sees it: null, booleans, numbers, strings,
   * lists (and arrays, primitive ones too, and collections), maps (keys become strings), results
   * (as their tuples). Anything else fails as kombu's {@code EncodeError} does, and so does {@code
   * byte[]}, as Python's {@code bytes}; so do, with Python's words, a list or map that contains
   * itself ({@code Circular reference detected}), lists and maps nested deeper than 1000 levels
   * ({@code maximum recursion depth exceeded while encoding a JSON object}) and a whole number of
   * more than 4300 digits. No value overflows the stack: the encoding is iterative.
   *
   * @param value the value
   * @return the JSON value
   * @throws EncodeException naming what cannot be encoded
   */
  public static Object encodeValue(Object value) {
    return ValueEncoder.encode(value);
  }

  /**
   * Refuses a task call's arguments that Celery's JSON task serializer cannot send: Celery's {@code
   * apply_async} fails with kombu's {@code EncodeError} before the message leaves, so the call
   * never reaches a worker. The message names the argument.
   *
   * <pre>{@code
   * CeleryJson.requireEncodable(List.of(1, new Invoice()), Map.of());
   * // EncodeException: Object of type Invoice is not JSON serializable (args[1] of the call; ...)
   * }</pre>
   *
   * @param args the positional arguments
   * @param kwargs the keyword arguments
   * @throws EncodeException naming the first argument JSON cannot hold, and why
   */
  public static void requireEncodable(List<?> args, Map<String, ?> kwargs) {
    Objects.requireNonNull(args, "args (use List.of() for none)");
    Objects.requireNonNull(kwargs, "kwargs (use Map.of() for none)");
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      if (!isPlainScalar(arg)) {
        requireEncodable(arg, i, null);
      }
    }
    for (Map.Entry<String, ?> kwarg : kwargs.entrySet()) {
      if (!isPlainScalar(kwarg.getValue())) {
        requireEncodable(kwarg.getValue(), -1, kwarg.getKey());
      }
    }
  }

  /** Values every JSON serializer holds as they are: checked without encoding them. */
  private static boolean isPlainScalar(Object value) {
    return PlainScalars.is(value);
  }

  private static void requireEncodable(Object arg, int index, String keyword) {
    try {
      ValueEncoder.encode(arg);
    } catch (EncodeException e) {
      String which = keyword == null ? "args[" + index + "]" : "kwargs[\"" + keyword + "\"]";
      throw new EncodeException(
          e.getMessage()
              + " ("
              + which
              + " of the call; Celery's JSON task serializer refuses it at apply_async with"
              + " kombu's EncodeError: pass JSON values, or a serializer that holds it)");
    }
  }

  /**
   * Passes a value through Celery's JSON serializer and back: what a task's return value looks like
   * once stored (tuples and results become lists, map keys strings).
   *
   * @param value the value
   * @return the value as read back from JSON
   * @throws EncodeException when the value cannot be encoded
   */
  public static Object roundTrip(Object value) {
    Object encoded = encodeValue(value);
    try {
      return PythonJson.loads(PythonJson.dumps(encoded), "the encoded value");
    } catch (WireFormatException e) {
      throw new EncodeException("could not read back what was written: " + e.getMessage());
    }
  }

  /**
   * Writes any JSON value as Python's {@code json.dumps} does.
   *
   * @param value a value made of maps, lists, strings, numbers, booleans and nulls
   * @return the text
   */
  public static String dumps(Object value) {
    return PythonJson.dumps(encodeValue(value));
  }

  /**
   * Reads JSON text into maps (ordered), lists, strings, numbers, booleans and nulls.
   *
   * @param json the text
   * @param source where it came from, for error messages
   * @return the value
   * @throws WireFormatException when the text is not JSON
   */
  public static Object parse(String json, String source) {
    Objects.requireNonNull(json, "json");
    return PythonJson.loads(json, source);
  }

  // ---------------------------------------------------------------- groups and tuples

  /**
   * Writes a group meta as Celery stores it under {@code celery-taskset-meta-<id>}: {@code
   * {"result": <group tuple>}}.
   *
   * @param group the group's tuple
   * @return the JSON text
   */
  public static String writeGroupMeta(ResultTuple group) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("result", Objects.requireNonNull(group, "group").toList());
    return PythonJson.dumps(out);
  }

  /**
   * Reads a group meta.
   *
   * @param json the stored text
   * @param source where it came from, for error messages
   * @return the group's tuple
   */
  public static ResultTuple readGroupMeta(String json, String source) {
    Object parsed = parse(json, source);
    if (!(parsed instanceof Map<?, ?> map) || !map.containsKey("result")) {
      throw new WireFormatException(
          source + ": a group meta needs the key \"result\", got " + shown(parsed));
    }
    return groupTupleOf(map.get("result"), source + ": key \"result\"");
  }

  /**
   * Writes a result tuple as JSON: {@code [["id", null], null]}.
   *
   * @param tuple the tuple
   * @return the text
   */
  public static String writeTuple(ResultTuple tuple) {
    return PythonJson.dumps(tuple.toList());
  }

  /**
   * Reads a result tuple from JSON.
   *
   * @param json the text
   * @return the tuple
   */
  public static ResultTuple readTuple(String json) {
    return tupleOf(parse(json, "result tuple"), "result tuple");
  }

  static ResultTuple tupleOf(Object raw, String where) {
    try {
      return ResultTuple.fromList(raw);
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * The tuple of a saved group: {@code [[id, parent], [members]]}. A task's tuple is refused, for
   * {@code GroupResult.restore} could only make a task's result of it.
   */
  static ResultTuple groupTupleOf(Object raw, String where) {
    return requireGroup(tupleOf(raw, where), where);
  }

  /** Refuses a task's tuple where a group's must stand (see {@link #groupTupleOf}). */
  static ResultTuple requireGroup(ResultTuple tuple, String where) {
    if (!tuple.isGroup()) {
      throw new WireFormatException(
          where
              + ": a group meta holds a group's tuple [[id, parent], [members...]], got the tuple"
              + " of task "
              + tuple.id()
              + " ([[id, parent], null]), which GroupResult.restore cannot restore");
    }
    return tuple;
  }

  // ---------------------------------------------------------------- dates

  /**
   * Formats {@code date_done} as Celery 5 stores it: UTC, no offset, microseconds (omitted when
   * zero, as Python's {@code isoformat()}), e.g. {@code 2026-11-24T10:00:00.123456}.
   *
   * @param instant the instant
   * @return the text
   */
  public static String formatDateDone(Instant instant) {
    return DateDone.format(instant);
  }

  /**
   * Parses {@code date_done}: with or without fraction, with or without an offset (naive means
   * UTC), in the years Python's {@code datetime} holds (1 to 9999, in UTC).
   *
   * @param text the text
   * @return the instant
   * @throws DateTimeParseException when the text is not such a date
   */
  public static Instant parseDateDone(String text) {
    return DateDone.parse(text);
  }

  /** The map with its keys as strings, in its order. */
  static Map<String, Object> asStringMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }
}
