package io.celerykit.wire;

import io.celerykit.internal.CeleryExceptionNames;
import io.celerykit.result.ChordException;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskRevokedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes and decodes exceptions as Celery stores them: {@code {"exc_type", "exc_message",
 * "exc_module"}} (the work behind {@link CeleryJson#encodeException} and {@link
 * CeleryJson#decodeException}).
 */
final class ExceptionJson {

  private ExceptionJson() {}

  /** See {@link CeleryJson#encodeException}. */
  static Map<String, Object> encode(Throwable error) {
    Objects.requireNonNull(error, "error");
    Map<String, Object> out = new LinkedHashMap<>();
    if (error instanceof RemoteTaskException remote) {
      out.put("exc_type", remote.excType());
      out.put("exc_message", ValueEncoder.encode(remote.excMessage()));
      out.put("exc_module", remote.excModule());
      return out;
    }
    String celeryName = CeleryExceptionNames.celeryName(error.getClass());
    out.put("exc_type", celeryName != null ? celeryName : typeName(error.getClass()));
    out.put("exc_message", error.getMessage() == null ? List.of() : List.of(error.getMessage()));
    out.put(
        "exc_module",
        celeryName != null ? CeleryExceptionNames.MODULE : error.getClass().getPackageName());
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

  /** See {@link CeleryJson#decodeException}. */
  static Throwable decode(Map<String, ?> json, String traceback, String source) {
    Object type = json.get("exc_type");
    if (!(type instanceof String typeName) || typeName.isBlank()) {
      throw new WireFormatException(
          source
              + ": key \"result\".\"exc_type\" must name the exception class, got "
              + CeleryJson.shown(type));
    }
    Object module = json.get("exc_module");
    if (module != null && !(module instanceof String)) {
      throw new WireFormatException(
          source
              + ": key \"result\".\"exc_module\" must name the exception's module (a string) or"
              + " be null, got "
              + CeleryJson.shown(module));
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
        case "ChordError":
          return new ChordException(first);
        default:
          break;
      }
    }
    return new RemoteTaskException(typeName, (String) module, args, traceback);
  }
}
