package io.celerykit.internal;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * JSON text exactly as Python's {@code json.dumps(value, default=...)} writes it with its other
 * defaults, which is what Celery's and kombu's {@code json} serializer ({@code
 * kombu.utils.json.dumps}) send and store: {@code ", "} and {@code ": "} separators, every
 * character outside printable ASCII escaped as {@code \\uXXXX} (lower-case hex, surrogate pairs
 * above U+FFFF), floats in Python's {@code repr} with {@code NaN}/{@code Infinity} allowed, keys in
 * the map's order. A value of no JSON type goes through the caller's {@code default} hook, as in
 * Python: the core writes a {@code BigDecimal} as a float, kombu's encoder as a string. Not API.
 */
public final class PythonJsonText {
  private PythonJsonText() {}

  /**
   * Writes a value as {@code json.dumps(value, default=fallback)}: null, Boolean, CharSequence,
   * Character, Double, Float and the other non-decimal Numbers, Lists and Maps with string keys
   * natively; anything else is passed to the hook, whose answer is written instead.
   *
   * @param value the value
   * @param fallback Python's {@code default}: returns a JSON-able replacement, or throws {@link
   *     IllegalArgumentException} naming the type
   * @return the text
   * @throws IllegalArgumentException for a key that is not a string, or from the hook
   */
  public static String dumps(Object value, UnaryOperator<Object> fallback) {
    StringBuilder sb = new StringBuilder(256);
    write(sb, value, fallback, 0);
    return sb.toString();
  }

  /**
   * Refuses a value, as {@code json.JSONEncoder.default}: {@code Object of type X is not JSON
   * serializable}.
   *
   * @param value the value
   * @return never
   * @throws IllegalArgumentException always
   */
  public static Object notSerializable(Object value) {
    throw new IllegalArgumentException(
        "Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
  }

  private static void write(StringBuilder sb, Object value, UnaryOperator<Object> fallback, int n) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (value instanceof CharSequence || value instanceof Character) {
      string(sb, value.toString());
    } else if (value instanceof Double || value instanceof Float) {
      sb.append(PythonFloat.json(((Number) value).doubleValue()));
    } else if (value instanceof Number && !(value instanceof BigDecimal)) {
      sb.append(value);
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        write(sb, list.get(i), fallback, n);
      }
      sb.append(']');
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        if (!(e.getKey() instanceof CharSequence key)) {
          throw new IllegalArgumentException(
              "JSON object keys must be strings, got "
                  + (e.getKey() == null
                      ? "null"
                      : e.getKey().getClass().getSimpleName() + " " + e.getKey())
                  + " in "
                  + map
                  + "; use String keys");
        }
        string(sb, key.toString());
        sb.append(": ");
        write(sb, e.getValue(), fallback, n);
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else {
      if (n > 16) {
        throw new IllegalArgumentException(
            "the default hook keeps returning values of no JSON type, last " + value);
      }
      write(sb, fallback.apply(value), fallback, n + 1);
    }
  }

  /** Python's {@code json.encoder.py_encode_basestring_ascii}. */
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
