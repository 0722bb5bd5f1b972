package io.celerykit.redis.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON text exactly as kombu's {@code kombu.utils.json.dumps} writes it (Celery's {@code json}
 * serializer and the envelope kombu's Redis transport LPUSHes): Python's {@code json.dumps}
 * defaults, so {@code ", "} and {@code ": "} separators, every character outside printable ASCII
 * escaped as {@code \\uXXXX} (lower-case hex, surrogate pairs above U+FFFF), floats in Python's
 * {@code repr} with {@code NaN}/{@code Infinity} allowed; and kombu's encoder for what plain JSON
 * lacks: a {@code Decimal} and a {@code UUID} as strings, an aware datetime as its isoformat with
 * {@code +00:00} written {@code Z}.
 */
final class KombuJson {
  private KombuJson() {}

  /** Writes a value as {@code kombu.utils.json.dumps(value)}. */
  static String dumps(Object value) {
    StringBuilder sb = new StringBuilder(256);
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (value instanceof CharSequence || value instanceof Character) {
      string(sb, value.toString());
    } else if (value instanceof Double || value instanceof Float) {
      sb.append(PyFloat.json(((Number) value).doubleValue()));
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      sb.append(value);
    } else if (value instanceof BigDecimal || value instanceof UUID) {
      string(sb, value.toString()); // kombu's JSONEncoder: str(Decimal), str(UUID)
    } else if (value instanceof PyDateTime t) {
      string(sb, t.kombuJson());
    } else if (value instanceof PyTuple t) {
      array(sb, t.items());
    } else if (value instanceof List<?> list) {
      array(sb, list);
    } else if (value instanceof PySignature sig) {
      write(sb, sig.asDict());
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        if (!(e.getKey() instanceof CharSequence key)) {
          throw new IllegalArgumentException(
              "JSON object keys must be strings, got "
                  + describe(e.getKey())
                  + " in "
                  + map
                  + "; use String keys");
        }
        string(sb, key.toString());
        sb.append(": ");
        write(sb, e.getValue());
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException(
          "Object of type "
              + value.getClass().getName()
              + " is not JSON serializable (kombu's json serializer): "
              + value
              + "; pass null, Boolean, String, an integer, Double, BigDecimal, UUID, a List or a"
              + " Map with String keys");
    }
  }

  private static void array(StringBuilder sb, List<?> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      write(sb, list.get(i));
    }
    sb.append(']');
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

  static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
