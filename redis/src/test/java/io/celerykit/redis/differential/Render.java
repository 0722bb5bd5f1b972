package io.celerykit.redis.differential;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders what a client holds as text that shows Java types: {@code 5:Integer}, {@code
 * 5000000000:Long}, {@code "é"}, {@code [1:Integer, None]}, {@code {"a": 1:Integer}} (maps in their
 * iteration order), results by their ids. Two engines that hand a client different Java types or
 * orders render differently.
 */
final class Render {
  private Render() {}

  /** Renders a value with its Java types. */
  static String value(Object v) {
    StringBuilder out = new StringBuilder();
    append(out, v);
    return out.toString();
  }

  private static void append(StringBuilder out, Object v) {
    if (v == null) {
      out.append("None");
    } else if (v instanceof String s) {
      quote(out, s);
    } else if (v instanceof Boolean || v instanceof Number) {
      out.append(v).append(':').append(v.getClass().getSimpleName());
    } else if (v instanceof TaskState state) {
      out.append(state.name());
    } else if (v instanceof GroupResult g) {
      out.append("GroupResult(").append(g.id()).append(", ");
      append(out, g.results());
      out.append(')');
    } else if (v instanceof ResultSet rs) {
      out.append("ResultSet(");
      append(out, rs.results());
      out.append(')');
    } else if (v instanceof AsyncResult<?> r) {
      out.append("AsyncResult(").append(r.id()).append(')');
    } else if (v instanceof ResultBase r) {
      out.append(r.getClass().getSimpleName()).append('(').append(r).append(')');
    } else if (v instanceof Map<?, ?> map) {
      out.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        append(out, e.getKey());
        out.append(": ");
        append(out, e.getValue());
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      out.append('}');
    } else if (v instanceof Collection<?> list) {
      out.append('[');
      Iterator<?> it = list.iterator();
      while (it.hasNext()) {
        append(out, it.next());
        if (it.hasNext()) {
          out.append(", ");
        }
      }
      out.append(']');
    } else if (v instanceof Throwable t) {
      out.append(t.getClass().getSimpleName()).append('(').append(t.getMessage()).append(')');
    } else {
      out.append(v).append(':').append(v.getClass().getSimpleName());
    }
  }

  /** Quotes a string, escaping quotes, backslashes and control characters (not other text). */
  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
