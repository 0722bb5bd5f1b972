package io.celerykit.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.celerykit.internal.PythonFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it (Celery's and kombu's default): {@code
 * ", "} and {@code ": "} separators, non-ASCII escaped as {@code \\uXXXX}, floats in Python's
 * {@code repr}; and reading JSON into plain Java values (maps keep their key order).
 */
final class PythonJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private PythonJson() {}

  /** Reads JSON text into maps (ordered), lists, strings, numbers, booleans and nulls. */
  static Object loads(String text) throws JsonProcessingException {
    return normalize(MAPPER.readValue(text, Object.class));
  }

  private static Object normalize(Object value) {
    if (value instanceof BigInteger big) {
      if (big.bitLength() < 32) {
        return big.intValue();
      }
      if (big.bitLength() < 64) {
        return big.longValue();
      }
      return big;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new java.util.ArrayList<>(list.size());
      for (Object item : list) {
        out.add(normalize(item));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put((String) e.getKey(), normalize(e.getValue()));
      }
      return out;
    }
    return value;
  }

  /** Writes a JSON-able value as {@code json.dumps} would. */
  static String dumps(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  static void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (value instanceof CharSequence s) {
      string(sb, s.toString());
    } else if (value instanceof Double || value instanceof Float) {
      sb.append(pythonFloat(((Number) value).doubleValue()));
    } else if (value instanceof BigDecimal d) {
      sb.append(pythonFloat(d.doubleValue()));
    } else if (value instanceof Number n) {
      sb.append(n.toString());
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        write(sb, e.getValue());
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        write(sb, list.get(i));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException(
          "Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
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
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /**
   * A float as {@code json.dumps} writes it: Python's {@code repr(float)}, except {@code NaN} and
   * {@code Infinity}, which JSON spells its own way.
   */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return PythonFloat.repr(d);
  }
}
