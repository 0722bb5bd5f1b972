package io.celerykit.internal;

import java.util.List;
import java.util.Map;

/**
 * Not API: the values every JSON serializer holds as they are ({@code null}, {@code String}, {@code
 * Integer}, {@code Long}, {@code Boolean}, {@code Double}), so that a check of call arguments
 * against Celery's JSON task serializer can pass them without encoding them, and without setting up
 * the JSON codec at all when a call has nothing else.
 */
public final class PlainScalars {

  private PlainScalars() {}

  /**
   * Returns whether a value is a plain scalar.
   *
   * @param value the value
   * @return true for null, a string, an integer, a long, a boolean or a double
   */
  public static boolean is(Object value) {
    return value == null
        || value instanceof String
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Boolean
        || value instanceof Double;
  }

  /**
   * Returns whether every positional and keyword argument of a call is a plain scalar.
   *
   * @param args the positional arguments, or null
   * @param kwargs the keyword arguments, or null
   * @return false when either is null or holds anything else
   */
  public static boolean all(List<?> args, Map<String, ?> kwargs) {
    if (args == null || kwargs == null) {
      return false;
    }
    for (int i = 0; i < args.size(); i++) {
      if (!is(args.get(i))) {
        return false;
      }
    }
    if (!kwargs.isEmpty()) {
      for (Object value : kwargs.values()) {
        if (!is(value)) {
          return false;
        }
      }
    }
    return true;
  }
}
