package io.celerykit.wire;

import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a task meta from the parsed JSON object Celery stores under {@code celery-task-meta-<id>},
 * naming the key at fault (the work behind {@link CeleryJson#fromJsonMap} and {@link
 * CeleryJson#readTaskMeta}).
 */
final class TaskMetaReader {

  private TaskMetaReader() {}

  /** See {@link CeleryJson#fromJsonMap}. */
  static TaskMeta read(Map<String, ?> json, String fallbackId, String source) {
    Object status = json.get("status");
    if (!json.containsKey("status")) {
      throw new WireFormatException(source + ": missing key \"status\" (the task state)");
    }
    if (!(status instanceof String s) || s.isBlank()) {
      throw new WireFormatException(
          source
              + ": key \"status\" must be a state name such as \"SUCCESS\", got "
              + CeleryJson.shown(status));
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
          source
              + ": key \"task_id\" must be a non-blank string, got "
              + CeleryJson.shown(idValue));
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
            source
                + ": key \"children\" must be a list of result tuples, got "
                + CeleryJson.shown(children));
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
        b.dateDone(DateDone.parse(dateDone));
      } catch (DateTimeParseException e) {
        throw new WireFormatException(
            source
                + ": key \"date_done\" is not an ISO date such as 2026-11-24T10:00:00.123456,"
                + " got "
                + CeleryJson.shown(dateDone)
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
        throw new WireFormatException(
            source + ": key \"args\" must be a list, got " + CeleryJson.shown(args));
      }
      if (kwargs != null && !(kwargs instanceof Map<?, ?>)) {
        throw new WireFormatException(
            source + ": key \"kwargs\" must be an object, got " + CeleryJson.shown(kwargs));
      }
      requireStorableDepth(args, "args", source);
      requireStorableDepth(kwargs, "kwargs", source);
      b.extended(
          optionalString(json, "name", source),
          (List<?>) args,
          kwargs == null ? null : CeleryJson.asStringMap((Map<?, ?>) kwargs),
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
              + CeleryJson.shown(retries));
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

  private static Object decodeResult(TaskState state, Object result, String tb, String source) {
    if (result instanceof Map<?, ?> map
        && map.containsKey("exc_type")
        && TaskState.EXCEPTION_STATES.contains(state)) {
      return ExceptionJson.decode(CeleryJson.asStringMap(map), tb, source);
    }
    return result;
  }

  private static String optionalString(Map<String, ?> json, String key, String source) {
    Object value = json.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new WireFormatException(
        source + ": key \"" + key + "\" must be a string or null, got " + CeleryJson.shown(value));
  }
}
