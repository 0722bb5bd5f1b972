package io.celerykit.app;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Formats values the way Python's {@code repr} does, for Celery's messages. */
final class PyRepr {
  private PyRepr() {}

  static String tuple(List<?> items) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(of(items.get(i)));
    }
    if (items.size() == 1) {
      sb.append(',');
    }
    return sb.append(')').toString();
  }

  static String of(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof CharSequence s) {
      return "'" + s.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(of(list.get(i)));
      }
      return sb.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        sb.append(of(e.getKey())).append(": ").append(of(e.getValue()));
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      return sb.append('}').toString();
    }
    return String.valueOf(value);
  }
}
