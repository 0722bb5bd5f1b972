package io.celerykit.redis.protocol;

import io.celerykit.wire.EncodeException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Python side of the values the canvas port handles: which Java values stand for which Python
 * ones (and which have no JSON form), Python truthiness, {@code copy.deepcopy} as Celery's
 * signatures undergo it, immutable snapshots taken when a message is serialized, and seconds as
 * Python numbers.
 */
final class PyValues {
  private PyValues() {}

  /**
   * Checks that a value given as a task argument, keyword argument or header has a JSON form in
   * kombu's serializer and a repr in Celery's {@code saferepr}.
   *
   * @throws EncodeException (kombu's {@code EncodeError}) naming the value, where it was and what
   *     to pass instead
   */
  static void requireSerializable(Object value, String where) {
    check(value, where, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void check(Object value, String where, Set<Object> path) {
    if (value == null
        || value instanceof Boolean
        || value instanceof CharSequence
        || value instanceof Character
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger
        || value instanceof Double
        || value instanceof Float
        || value instanceof BigDecimal
        || value instanceof UUID) {
      return;
    }
    if (value instanceof List<?> || value instanceof Map<?, ?> || value instanceof PyTuple) {
      if (!path.add(value)) {
        throw new EncodeException(
            where + " contains itself (Circular reference detected); pass a tree of values");
      }
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!(e.getKey() instanceof CharSequence)) {
            throw new EncodeException(
                where
                    + " has a key that is not a string: "
                    + KombuJson.describe(e.getKey())
                    + "; JSON objects need String keys");
          }
          check(e.getValue(), where + "[" + e.getKey() + "]", path);
        }
      } else {
        List<?> items = value instanceof PyTuple t ? t.items() : (List<?>) value;
        for (int i = 0; i < items.size(); i++) {
          check(items.get(i), where + "[" + i + "]", path);
        }
      }
      path.remove(value);
      return;
    }
    String hint =
        value instanceof Collection<?>
            ? "pass a List (Python's json has no sets)"
            : value instanceof java.time.temporal.Temporal
                ? "pass an ISO-8601 string"
                : "pass null, Boolean, String, an integer, Double, BigDecimal, UUID, a List or a Map"
                    + " with String keys";
    throw new EncodeException(
        where
            + " is a "
            + value.getClass().getName()
            + " ("
            + value
            + "), which kombu's json serializer cannot write; "
            + hint);
  }

  /** Python truthiness: None, False, 0, empty strings and containers are false. */
  static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof BigDecimal d) {
      return d.signum() != 0;
    }
    if (value instanceof BigInteger i) {
      return i.signum() != 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof PyTuple t) {
      return !t.isEmpty();
    }
    return true;
  }

  /**
   * Python's {@code copy.deepcopy} of option values: containers are copied all the way down, but a
   * signature becomes a plain dict sharing its args, kwargs and options (Celery's {@code
   * Signature.__deepcopy__} returns {@code dict(self)}).
   */
  static Object deepcopy(Object value) {
    if (value instanceof PySignature sig) {
      return sig.asDict();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put((String) e.getKey(), deepcopy(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(deepcopy(item));
      }
      return out;
    }
    if (value instanceof PyTuple t) {
      List<Object> out = new ArrayList<>(t.size());
      for (Object item : t.items()) {
        out.add(deepcopy(item));
      }
      return new PyTuple(out);
    }
    return value;
  }

  /** Copies a value into unmodifiable lists and maps, signatures into their dicts. */
  static Object snapshot(Object value) {
    if (value instanceof PySignature sig) {
      return snapshot(sig.asDict());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), snapshot(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(snapshot(item));
      }
      return Collections.unmodifiableList(out);
    }
    if (value instanceof PyTuple t) {
      List<Object> out = new ArrayList<>(t.size());
      for (Object item : t.items()) {
        out.add(snapshot(item));
      }
      return new PyTuple(out);
    }
    return value;
  }

  /**
   * Returns a duration as the number of seconds a Python caller would pass: an int when whole, else
   * the float nearest to the decimal value (what the literal {@code 1.005} reads as).
   */
  static Number seconds(Duration d) {
    if (d.getNano() == 0) {
      return d.getSeconds();
    }
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).doubleValue();
  }

  /**
   * Returns {@code timedelta(seconds=s)} in microseconds, as CPython's {@code delta_new} computes
   * it: an int exactly; a float split by {@code modf} into whole seconds (exact) and a fraction
   * whose microseconds are a float product, the left-over rounded half to even. So {@code 2.5e-06}
   * gives 2, as in Python, where the exact value of that double would round to 3.
   */
  static long micros(Number seconds) {
    if (!(seconds instanceof Double) && !(seconds instanceof Float)) {
      return new BigDecimal(seconds.toString()).movePointRight(6).longValueExact();
    }
    double s = seconds.doubleValue();
    double whole = trunc(s);
    long us = Math.multiplyExact((long) whole, 1_000_000L);
    double frac = s - whole;
    if (frac == 0.0) {
      return us;
    }
    double d = 1e6 * frac;
    double wholeUs = trunc(d);
    us += (long) wholeUs;
    double leftover = d - wholeUs;
    double rounded = cRound(leftover);
    if (Math.abs(rounded - leftover) == 0.5) {
      long odd = us & 1;
      rounded = 2.0 * cRound((leftover + odd) * 0.5) - odd;
    }
    return us + (long) rounded;
  }

  private static double trunc(double d) {
    return d < 0 ? Math.ceil(d) : Math.floor(d);
  }

  /** C's {@code round()}: halves away from zero. */
  private static double cRound(double d) {
    double t = trunc(d);
    return Math.abs(d - t) >= 0.5 ? t + Math.signum(d) : t;
  }

  /** Returns {@code str(int(s * 1000))}: kombu's {@code expiration} property. */
  static String millisProperty(Number seconds) {
    if (seconds instanceof Double || seconds instanceof Float) {
      double ms = seconds.doubleValue() * 1000;
      return new BigDecimal(ms).setScale(0, RoundingMode.DOWN).toPlainString();
    }
    return new BigInteger(seconds.toString()).multiply(BigInteger.valueOf(1000)).toString();
  }
}
