package io.celerykit.wire;

import io.celerykit.internal.PlainScalars;
import io.celerykit.result.ChordException;
import io.celerykit.result.ImproperlyConfiguredException;
import io.celerykit.result.IncompleteStreamException;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

  /**
   * {@code uuuu}, the proleptic year: {@code yyyy} is the year of era, which writes year 0 as 1.
   */
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** The first and the last instant Python's {@code datetime} can hold (years 1 to 9999). */
  private static final Instant FIRST_DATE = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LAST_DATE = Instant.parse("9999-12-31T23:59:59.999999Z");

  /** Longer than any ISO date with microseconds and an offset: no need to parse it. */
  private static final int MAX_DATE_LENGTH = 64;

  /** How many characters of a bad value an error message shows. */
  private static final int SHOWN = 200;

  private static final Map<String, String> CELERY_NAMES =
      Map.of(
          TaskRevokedException.class.getName(), "TaskRevokedError",
          MaxRetriesExceededException.class.getName(), "MaxRetriesExceededError",
          ResultTimeoutException.class.getName(), "TimeoutError",
          ImproperlyConfiguredException.class.getName(), "ImproperlyConfigured",
          NotRegisteredException.class.getName(), "NotRegistered",
          IncompleteStreamException.class.getName(), "IncompleteStream",
          ChordException.class.getName(), "ChordError");

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
    Objects.requireNonNull(meta, "meta");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", meta.state().name());
    out.put("result", encodeResult(meta.state(), meta.result()));
    out.put("traceback", meta.traceback());
    List<Object> children = new ArrayList<>();
    for (ResultTuple child : meta.children()) {
      children.add(child.toList());
    }
    out.put("children", children);
    out.put("date_done", meta.dateDone() == null ? null : formatDateDone(meta.dateDone()));
    if (meta.groupId() != null) {
      out.put("group_id", meta.groupId());
    }
    if (meta.parentId() != null) {
      out.put("parent_id", meta.parentId());
    }
    if (isExtended(meta)) {
      out.put("name", meta.name());
      out.put("args", encodeValue(meta.args()));
      out.put("kwargs", encodeValue(meta.kwargs()));
      out.put("worker", meta.worker());
      out.put("retries", meta.retries());
      out.put("queue", meta.queue());
    }
    out.put("task_id", meta.taskId());
    return out;
  }

  private static boolean isExtended(TaskMeta meta) {
    return meta.name() != null
        || meta.args() != null
        || meta.kwargs() != null
        || meta.worker() != null
        || meta.retries() != null
        || meta.queue() != null;
  }

  private static Object encodeResult(TaskState state, Object result) {
    if (result instanceof Throwable error) {
      return encodeException(error);
    }
    return encodeValue(result);
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
    Object status = json.get("status");
    if (!json.containsKey("status")) {
      throw new WireFormatException(source + ": missing key \"status\" (the task state)");
    }
    if (!(status instanceof String s) || s.isBlank()) {
      throw new WireFormatException(
          source
              + ": key \"status\" must be a state name such as \"SUCCESS\", got "
              + shown(status));
    }
    TaskState state = StateNames.check(s, source);
    Object idValue = json.get("task_id");
    String id;
    if (idValue == null) {
      if (fallbackId == null) {
        throw new WireFormatException(source + ": missing key \"task_id\"");
      }
      id = fallbackId;
    } else if (idValue instanceof String text && !text.isBlank()) {
      id = text;
    } else {
      throw new WireFormatException(
          source + ": key \"task_id\" must be a non-blank string, got " + shown(idValue));
    }
    String traceback = optionalString(json, "traceback", source);
    Object result = json.get("result");
    requireStorableDepth(result, "result", source);
    TaskMeta.Builder b =
        TaskMeta.builder(id, state)
            .result(decodeResult(state, result, traceback, source))
            .traceback(traceback);
    Object children = json.get("children");
    if (children != null) {
      if (!(children instanceof List<?> list)) {
        throw new WireFormatException(
            source + ": key \"children\" must be a list of result tuples, got " + shown(children));
      }
      List<ResultTuple> tuples = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        try {
          tuples.add(ResultTuple.fromList(list.get(i)));
        } catch (IllegalArgumentException e) {
          throw new WireFormatException(
              source + ": key \"children\"[" + i + "]: " + e.getMessage(), e);
        }
      }
      b.children(tuples);
    }
    String dateDone = optionalString(json, "date_done", source);
    if (dateDone != null) {
      try {
        b.dateDone(parseDateDone(dateDone));
      } catch (DateTimeParseException e) {
        throw new WireFormatException(
            source
                + ": key \"date_done\" is not an ISO date such as 2026-11-24T10:00:00.123456,"
                + " got "
                + shown(dateDone)
                + " ("
                + e.getMessage()
                + ")",
            e);
      }
    }
    b.groupId(optionalString(json, "group_id", source));
    b.parentId(optionalString(json, "parent_id", source));
    if (json.containsKey("name")
        || json.containsKey("args")
        || json.containsKey("kwargs")
        || json.containsKey("worker")
        || json.containsKey("retries")
        || json.containsKey("queue")) {
      Object args = json.get("args");
      Object kwargs = json.get("kwargs");
      if (args != null && !(args instanceof List<?>)) {
        throw new WireFormatException(source + ": key \"args\" must be a list, got " + shown(args));
      }
      if (kwargs != null && !(kwargs instanceof Map<?, ?>)) {
        throw new WireFormatException(
            source + ": key \"kwargs\" must be an object, got " + shown(kwargs));
      }
      requireStorableDepth(args, "args", source);
      requireStorableDepth(kwargs, "kwargs", source);
      b.extended(
          optionalString(json, "name", source),
          (List<?>) args,
          kwargs == null ? null : asStringMap((Map<?, ?>) kwargs),
          optionalString(json, "worker", source),
          optionalString(json, "queue", source));
      b.retries(retriesOf(json.get("retries"), source));
    }
    return b.build();
  }

  /** {@code retries}: null, or a whole number from 0 (Celery counts retries from 0). */
  private static Integer retriesOf(Object retries, String source) {
    if (retries == null) {
      return null;
    }
    if (!(retries instanceof Integer count) || count < 0) {
      throw new WireFormatException(
          source
              + ": key \"retries\" must be a whole number from 0 to "
              + Integer.MAX_VALUE
              + " (how often the task was retried), got "
              + shown(retries));
    }
    return count;
  }

  /**
   * Refuses a value nested deeper than Celery's JSON can hold: Python's {@code json} gives up with
   * a {@code RecursionError} near its recursion limit, so Celery cannot have stored it, and it
   * could not be written back.
   */
  private static void requireStorableDepth(Object value, String key, String source) {
    if (PythonJson.depth(value, ValueEncoder.MAX_DEPTH) > ValueEncoder.MAX_DEPTH) {
      throw new WireFormatException(
          source
              + ": key \""
              + key
              + "\" nests lists and maps deeper than "
              + ValueEncoder.MAX_DEPTH
              + " levels, which Python's json cannot read or write (RecursionError: maximum"
              + " recursion depth exceeded)");
    }
  }

  /** A value as an error message shows it: its JSON, cut short. */
  static String shown(Object value) {
    return PythonJson.preview(value, SHOWN);
  }

  private static Object decodeResult(TaskState state, Object result, String tb, String source) {
    if (result instanceof Map<?, ?> map
        && map.containsKey("exc_type")
        && TaskState.EXCEPTION_STATES.contains(state)) {
      return decodeException(asStringMap(map), tb, source);
    }
    return result;
  }

  private static String optionalString(Map<String, ?> json, String key, String source) {
    Object value = json.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new WireFormatException(
        source + ": key \"" + key + "\" must be a string or null, got " + shown(value));
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
    Objects.requireNonNull(error, "error");
    Map<String, Object> out = new LinkedHashMap<>();
    if (error instanceof RemoteTaskException remote) {
      out.put("exc_type", remote.excType());
      out.put("exc_message", encodeValue(remote.excMessage()));
      out.put("exc_module", remote.excModule());
      return out;
    }
    String celeryName = CELERY_NAMES.get(error.getClass().getName());
    out.put("exc_type", celeryName != null ? celeryName : typeName(error.getClass()));
    out.put("exc_message", error.getMessage() == null ? List.of() : List.of(error.getMessage()));
    out.put(
        "exc_module", celeryName != null ? "celery.exceptions" : error.getClass().getPackageName());
    return out;
  }

  /** The simple name; for an anonymous class (no simple name), e.g. {@code Outer$1}. */
  private static String typeName(Class<?> type) {
    String simple = type.getSimpleName();
    if (!simple.isEmpty()) {
      return simple;
    }
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * Decodes Celery's exception dict: Celery's own {@code TaskRevokedError}, {@code
   * MaxRetriesExceededError} and {@code TimeoutError} become celerykit's exceptions, anything else
   * a {@link RemoteTaskException} with the Python type, module and arguments.
   *
   * @param json the dict
   * @param traceback the traceback text, or null
   * @param source where it came from, for error messages
   * @return the exception
   */
  public static Throwable decodeException(Map<String, ?> json, String traceback, String source) {
    Object type = json.get("exc_type");
    if (!(type instanceof String typeName) || typeName.isBlank()) {
      throw new WireFormatException(
          source
              + ": key \"result\".\"exc_type\" must name the exception class, got "
              + shown(type));
    }
    Object module = json.get("exc_module");
    if (module != null && !(module instanceof String)) {
      throw new WireFormatException(
          source
              + ": key \"result\".\"exc_module\" must name the exception's module (a string) or"
              + " be null, got "
              + shown(module));
    }
    Object message = json.get("exc_message");
    List<?> args =
        message == null ? List.of() : message instanceof List<?> l ? l : List.of(message);
    String first = args.isEmpty() ? null : String.valueOf(args.get(0));
    if ("celery.exceptions".equals(module) && args.size() <= 1) {
      switch (typeName) {
        case "TaskRevokedError":
          return new TaskRevokedException(first);
        case "MaxRetriesExceededError":
          return new MaxRetriesExceededException(first);
        case "TimeoutError":
          return new ResultTimeoutException(first);
        default:
          break;
      }
    }
    return new RemoteTaskException(typeName, (String) module, args, traceback);
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
    Objects.requireNonNull(instant, "instant");
    Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
    if (micros.isBefore(FIRST_DATE) || micros.isAfter(LAST_DATE)) {
      throw new EncodeException(
          "date_done "
              + instant
              + " is outside the years Python's datetime holds (1 to 9999); Celery cannot store"
              + " it");
    }
    LocalDateTime utc = LocalDateTime.ofInstant(micros, ZoneOffset.UTC);
    String seconds = SECONDS.format(utc);
    int nanos = utc.getNano();
    return nanos == 0 ? seconds : seconds + String.format(".%06d", nanos / 1000);
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
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_DATE_LENGTH) {
      throw new DateTimeParseException(
          "too long for an ISO date (" + text.length() + " characters)", shown(text), 0);
    }
    String t = text.trim();
    Instant instant =
        t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")
            ? OffsetDateTime.parse(t).toInstant()
            : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    if (instant.isBefore(FIRST_DATE) || instant.isAfter(LAST_DATE.plusNanos(999))) {
      throw new DateTimeParseException(
          "the year in UTC is outside what Python's datetime holds (1 to 9999)", t, 0);
    }
    return instant;
  }

  private static Map<String, Object> asStringMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }
}
