package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How an expected argument matches a sent one: a {@link ValueMatcher} decides itself; numbers are
 * equal by value within whole numbers ({@code 5} and {@code 5L}) and within floating ones, as they
 * are once serialized; lists and maps element by element, so matchers may sit inside them; anything
 * else by {@code equals}.
 */
final class ArgMatch {
  private ArgMatch() {}

  static boolean matches(Object expected, Object actual) {
    if (expected instanceof ValueMatcher matcher) {
      return matcher.matches(actual);
    }
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (isWhole(expected) && isWhole(actual)) {
      return whole(expected).equals(whole(actual));
    }
    if (isFloating(expected) && isFloating(actual)) {
      return Double.compare(((Number) expected).doubleValue(), ((Number) actual).doubleValue())
          == 0;
    }
    if (expected instanceof List<?> want && actual instanceof List<?> have) {
      return listMatches(want, have);
    }
    if (expected instanceof Map<?, ?> want && actual instanceof Map<?, ?> have) {
      return mapMatches(want, have);
    }
    return expected.equals(actual);
  }

  static boolean listMatches(List<?> want, List<?> have) {
    if (want.size() != have.size()) {
      return false;
    }
    Iterator<?> w = want.iterator();
    Iterator<?> h = have.iterator();
    while (w.hasNext()) {
      if (!matches(w.next(), h.next())) {
        return false;
      }
    }
    return true;
  }

  static boolean mapMatches(Map<?, ?> want, Map<?, ?> have) {
    if (want.size() != have.size()) {
      return false;
    }
    for (Map.Entry<?, ?> e : want.entrySet()) {
      if (!have.containsKey(e.getKey()) || !matches(e.getValue(), have.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The text of an expected value: a matcher's description, else Python's repr. */
  static String describe(Object expected) {
    if (expected instanceof ValueMatcher matcher) {
      return matcher.describe();
    }
    if (expected instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (Object item : list) {
        sb.append(sb.length() == 1 ? "" : ", ").append(describe(item));
      }
      return sb.append(']').toString();
    }
    if (expected instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(sb.length() == 1 ? "" : ", ")
            .append(PythonRepr.repr(e.getKey()))
            .append(": ")
            .append(describe(e.getValue()));
      }
      return sb.append('}').toString();
    }
    return PythonRepr.repr(expected);
  }

  private static boolean isWhole(Object o) {
    return o instanceof Integer
        || o instanceof Long
        || o instanceof Short
        || o instanceof Byte
        || o instanceof BigInteger;
  }

  private static BigInteger whole(Object o) {
    return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
  }

  private static boolean isFloating(Object o) {
    return o instanceof Double || o instanceof Float || o instanceof BigDecimal;
  }

  static String typeName(Object value) {
    return value == null ? "None" : Objects.toString(value.getClass().getSimpleName());
  }
}
