package io.celerykit.wire;

import io.celerykit.internal.PythonFloat;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it (Celery's and kombu's default): {@code
 * ", "} and {@code ": "} separators, non-ASCII escaped as {@code \\uXXXX}, floats in Python's
 * {@code repr} ({@code NaN}, {@code Infinity} and {@code -Infinity} as Python writes them); and
 * reading JSON into plain Java values ({@link PythonJsonReader}). Writing is iterative, so a value
 * nested a million deep (a result tuple of a long chain) is written as any other.
 */
final class PythonJson {

  private PythonJson() {}

  /**
   * Reads JSON text into maps (ordered), lists, strings, numbers, booleans and nulls.
   *
   * @throws WireFormatException naming the source, line, column and key at fault
   */
  static Object loads(String text, String source) {
    return PythonJsonReader.read(text, source);
  }

  /** Writes a JSON-able value as {@code json.dumps} would. */
  static String dumps(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, Integer.MAX_VALUE);
    return sb.toString();
  }

  /**
   * Writes a value as {@link #dumps} does but stops after about {@code limit} characters, ending
   * with {@code ...}: for error messages, which must stay short whatever the value.
   */
  static String preview(Object value, int limit) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, limit);
    if (sb.length() > limit) {
      sb.setLength(limit);
      sb.append("...");
    }
    return sb.toString();
  }

  /**
   * Returns how deep lists and maps nest in a value: 0 for a scalar, 1 for {@code []}, 2 for {@code
   * [[]]} or {@code {"a": {}}}. Iterative; stops counting once past {@code max}.
   */
  static int depth(Object value, int max) {
    if (!(value instanceof List<?> || value instanceof Map<?, ?>)) {
      return 0;
    }
    ArrayDeque<Iterator<?>> path = new ArrayDeque<>();
    path.push(children(value));
    int deepest = 1;
    while (!path.isEmpty()) {
      Iterator<?> it = path.peek();
      if (!it.hasNext()) {
        path.pop();
        continue;
      }
      Object child = it.next();
      if (child instanceof List<?> || child instanceof Map<?, ?>) {
        path.push(children(child));
        deepest = Math.max(deepest, path.size());
        if (deepest > max) {
          return deepest;
        }
      }
    }
    return deepest;
  }

  private static Iterator<?> children(Object container) {
    return container instanceof Map<?, ?> map
        ? map.values().iterator()
        : ((List<?>) container).iterator();
  }

  /** A list or map being written: what is left of it, and whether anything was written yet. */
  private static final class Open {
    private final Iterator<?> rest;
    private final boolean map;
    private boolean started;

    private Open(Iterator<?> rest, boolean map) {
      this.rest = rest;
      this.map = map;
    }
  }

  /**
   * Writes a value: containers through an explicit stack of their iterators, not by recursion;
   * stops once the text is longer than {@code limit}.
   */
  private static void write(StringBuilder sb, Object root, int limit) {
    ArrayDeque<Open> open = new ArrayDeque<>();
    Object value = root;
    while (true) {
      if (value instanceof Map<?, ?> map) {
        sb.append('{');
        open.push(new Open(map.entrySet().iterator(), true));
      } else if (value instanceof List<?> list) {
        sb.append('[');
        open.push(new Open(list.iterator(), false));
      } else {
        scalar(sb, value);
      }
      // Close what is done, then go to the next value of the innermost open container.
      while (true) {
        if (open.isEmpty() || sb.length() > limit) {
          return;
        }
        Open o = open.peek();
        if (o.rest.hasNext()) {
          break;
        }
        open.pop();
        sb.append(o.map ? '}' : ']');
      }
      Open o = open.peek();
      if (o.started) {
        sb.append(", ");
      }
      o.started = true;
      Object next = o.rest.next();
      if (o.map) {
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) next;
        string(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        value = e.getValue();
      } else {
        value = next;
      }
    }
  }

  private static void scalar(StringBuilder sb, Object value) {
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
    } else {
      throw new EncodeException(
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
