package io.celerykit.wire;

import io.celerykit.internal.PythonFloat;
import io.celerykit.internal.PythonJsonText;
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

  /** Writes a JSON-able value as {@code json.dumps} would; a {@code BigDecimal} as a float. */
  static String dumps(Object value) {
    return PythonJsonText.dumps(value, PythonJson::decimalAsFloat);
  }

  /**
   * Writes a value as {@link #dumps} does but stops after about {@code limit} characters, ending
   * with {@code ...}: for error messages, which must stay short whatever the value.
   */
  static String preview(Object value, int limit) {
    return PythonJsonText.preview(value, PythonJson::decimalAsFloat, limit);
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

  private static Object decimalAsFloat(Object value) {
    if (value instanceof BigDecimal d) {
      return d.doubleValue();
    }
    throw new EncodeException(
        "Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
  }

  /** A float as {@code json.dumps} writes it (one place: {@link PythonFloat#json}). */
  static String pythonFloat(double d) {
    return PythonFloat.json(d);
  }
}
