package io.celerykit.internal;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it with its default separators ({@code ",
 * "} and {@code ": "}, non-ASCII escaped as {@code \\uXXXX}, floats in Python's {@code repr},
 * {@code NaN}/{@code Infinity}), the one writer of celerykit's artifacts: Celery's result backend
 * and kombu's messages both use it. Containers are written through an explicit stack, not by
 * recursion, so any depth works. Not API.
 */
public final class PythonJsonText {
  private PythonJsonText() {}

  /**
   * Writes a value as {@code json.dumps(value, default=fallback)} would.
   *
   * @param value maps, lists, strings, numbers, booleans, null
   * @param fallback turns a value of no JSON type into one (Python's {@code default=}), or throws
   * @return the text
   */
  public static String dumps(Object value, UnaryOperator<Object> fallback) {
    StringBuilder sb = new StringBuilder(256);
    write(sb, value, fallback, Integer.MAX_VALUE);
    return sb.toString();
  }

  /**
   * Writes a value as {@link #dumps} does but stops after about {@code limit} characters, ending
   * with {@code ...}: for error messages, which must stay short whatever the value.
   *
   * @param value the value
   * @param fallback as for {@link #dumps}
   * @param limit the length after which the text is cut
   * @return the text
   */
  public static String preview(Object value, UnaryOperator<Object> fallback, int limit) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, fallback, limit);
    if (sb.length() > limit) {
      sb.setLength(limit);
      sb.append("...");
    }
    return sb.toString();
  }

  /**
   * The fallback of plain {@code json.dumps}: refuses the value with Python's words.
   *
   * @param value a value of no JSON type
   * @return never
   * @throws IllegalArgumentException always: {@code Object of type X is not JSON serializable}
   */
  public static Object notSerializable(Object value) {
    throw new IllegalArgumentException(
        "Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
  }

  private static void write(
      StringBuilder sb, Object root, UnaryOperator<Object> fallback, int limit) {
    ArrayDeque<OpenContainer> open = new ArrayDeque<>();
    Object value = root;
    while (true) {
      value = jsonTyped(value, fallback);
      if (value instanceof Map<?, ?> map) {
        sb.append('{');
        open.push(new OpenContainer(map.entrySet().iterator(), true));
      } else if (value instanceof List<?> list) {
        sb.append('[');
        open.push(new OpenContainer(list.iterator(), false));
      } else {
        scalar(sb, value);
      }
      // Close what is done, then go to the next value of the innermost open container.
      while (true) {
        if (open.isEmpty() || sb.length() > limit) {
          return;
        }
        OpenContainer o = open.peek();
        if (o.rest.hasNext()) {
          break;
        }
        open.pop();
        sb.append(o.map ? '}' : ']');
      }
      OpenContainer o = open.peek();
      Object next = o.next(sb);
      if (o.map) {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) next;
        string(sb, key(e.getKey()));
        sb.append(": ");
        value = e.getValue();
      } else {
        value = next;
      }
    }
  }

  /**
   * A key as {@code json.dumps} writes it: str as it is; int, float, bool and None as their JSON
   * text ({@code {1: 2}} is {@code {"1": 2}}); anything else refused with Python's words.
   */
  private static String key(Object key) {
    if (key instanceof CharSequence || key instanceof Character) {
      return key.toString();
    }
    if (key == null || key instanceof Boolean) {
      return String.valueOf(key);
    }
    if (key instanceof Double || key instanceof Float) {
      return PythonFloat.json(((Number) key).doubleValue());
    }
    if (key instanceof Number && !(key instanceof BigDecimal)) {
      return key.toString();
    }
    throw new IllegalArgumentException(
        "keys must be str, int, float, bool or None, not "
            + key.getClass().getSimpleName()
            + " ("
            + Preview.of(key, 80)
            + "); use String keys");
  }

  /** A value of a JSON type: as it is, or what the fallback makes of it (at most 16 times). */
  private static Object jsonTyped(Object value, UnaryOperator<Object> fallback) {
    Object v = value;
    for (int n = 0; !isJsonType(v); n++) {
      if (n > 16) {
        throw new IllegalArgumentException(
            "the default hook keeps returning values of no JSON type, last " + v);
      }
      v = fallback.apply(v);
    }
    return v;
  }

  private static boolean isJsonType(Object v) {
    return v == null
        || v instanceof Boolean
        || v instanceof CharSequence
        || v instanceof Character
        || (v instanceof Number && !(v instanceof BigDecimal))
        || v instanceof List<?>
        || v instanceof Map<?, ?>;
  }

  private static void scalar(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (value instanceof CharSequence || value instanceof Character) {
      string(sb, value.toString());
    } else if (value instanceof Double || value instanceof Float) {
      sb.append(PythonFloat.json(((Number) value).doubleValue()));
    } else {
      sb.append(value);
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append("\\u");
            String hex = Integer.toHexString(c);
            sb.append("0".repeat(4 - hex.length())).append(hex);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
