package io.celerykit.wire;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTuple;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a Java value into the JSON value Celery's JSON serializer would write (see {@link
 * CeleryJson#encodeValue}), refusing what Python's {@code json.dumps} refuses, with its words: a
 * list or map that contains itself ({@code Circular reference detected}), nesting deeper than
 * Python's recursion limit ({@code maximum recursion depth exceeded while encoding a JSON object}),
 * a whole number of more than 4300 digits, a type JSON has no form for. Iterative: no value can
 * overflow the Java stack.
 */
final class ValueEncoder {

  /**
   * How deep lists and maps may nest in a value: Python's default recursion limit ({@code
   * sys.getrecursionlimit()}), which its {@code json} module hits a little before this depth (how
   * far before depends on the caller's stack).
   */
  static final int MAX_DEPTH = 1000;

  /** Whole numbers of up to this many bits have at most 4300 digits. */
  private static final int SURELY_SHORT_BITS = 14283;

  /** Whole numbers of more bits than this have more than 4300 digits. */
  private static final int SURELY_LONG_BITS = 14286;

  /** One list or map being converted: its source (for the circular check) and what is left. */
  private static final class Open extends OpenValue {
    private final Object source;
    private final Iterator<?> rest;

    private Open(Object source, Iterator<?> rest, List<Object> list, Map<String, Object> map) {
      super(list, map);
      this.source = source;
      this.rest = rest;
    }
  }

  private final ArrayDeque<Open> open = new ArrayDeque<>();

  /**
   * The containers on the path from the root to the current value, by identity (Python's markers).
   */
  private final Set<Object> markers = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private ValueEncoder() {}

  /**
   * Encodes a value.
   *
   * @throws EncodeException naming what cannot be encoded
   */
  static Object encode(Object value) {
    return new ValueEncoder().run(value);
  }

  private Object run(Object root) {
    Object result = null;
    Object value = root;
    while (true) {
      Open container = openFor(value);
      Object converted =
          container != null ? container.list != null ? container.list : container.map : leaf(value);
      if (open.isEmpty()) {
        result = converted;
      } else {
        open.peek().add(converted);
      }
      if (container != null) {
        if (!markers.add(container.source)) {
          throw new EncodeException("Circular reference detected");
        }
        if (open.size() >= MAX_DEPTH) {
          throw tooDeep();
        }
        open.push(container);
      }
      while (!open.isEmpty() && !open.peek().rest.hasNext()) {
        markers.remove(open.pop().source);
      }
      if (open.isEmpty()) {
        return result;
      }
      Open current = open.peek();
      Object next = current.rest.next();
      if (current.map != null) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) next;
        current.key = keyText(entry.getKey());
        value = entry.getValue();
      } else {
        value = next;
      }
    }
  }

  /** The list or map to convert a container into, or null for anything else. */
  private static Open openFor(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new Open(map, map.entrySet().iterator(), null, new LinkedHashMap<>());
    }
    if (value instanceof Collection<?> collection) {
      return new Open(collection, collection.iterator(), new ArrayList<>(collection.size()), null);
    }
    if (value instanceof Object[] array) {
      return new Open(array, Arrays.asList(array).iterator(), new ArrayList<>(array.length), null);
    }
    return null;
  }

  /** A value that holds no list or map of the caller's. */
  private Object leaf(Object value) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof BigInteger big) {
      return checkDigits(big);
    }
    if (value instanceof Number) {
      return value;
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof ResultTuple tuple) {
      return tupleList(tuple);
    }
    if (value instanceof GroupResult || value instanceof AsyncResult<?>) {
      // As Celery's backend prepares a result value: result.as_tuple().
      return tupleList(ResultTuple.of((ResultBase) value));
    }
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      // int[], double[], ...: a list, as a Python list of numbers; byte[] is Python's bytes,
      // which the JSON serializer refuses.
      int length = Array.getLength(value);
      List<Object> out = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        out.add(leaf(Array.get(value, i)));
      }
      return out;
    }
    throw new EncodeException(
        "Object of type " + value.getClass().getSimpleName() + " is not JSON serializable");
  }

  /** A result tuple's lists, which count towards the depth like any list. */
  private List<Object> tupleList(ResultTuple tuple) {
    List<Object> list = tuple.toList();
    if (open.size() + PythonJson.depth(list, MAX_DEPTH) > MAX_DEPTH) {
      throw tooDeep();
    }
    return list;
  }

  private static EncodeException tooDeep() {
    return new EncodeException(
        "maximum recursion depth exceeded while encoding a JSON object (lists and maps nested"
            + " deeper than "
            + MAX_DEPTH
            + " levels, Python's recursion limit)");
  }

  /**
   * Python refuses to write an int of more than 4300 digits ({@code sys.set_int_max_str_digits}).
   */
  private static BigInteger checkDigits(BigInteger big) {
    int bits = big.bitLength();
    if (bits > SURELY_LONG_BITS
        || bits > SURELY_SHORT_BITS
            && big.abs().toString().length() > PythonJsonReader.MAX_INT_DIGITS) {
      throw new EncodeException(
          "Exceeds the limit ("
              + PythonJsonReader.MAX_INT_DIGITS
              + " digits) for integer string conversion; use sys.set_int_max_str_digits() to"
              + " increase the limit");
    }
    return big;
  }

  /** A dict key as {@code json.dumps} writes it: floats in Python's form, {@code None} as null. */
  private static String keyText(Object key) {
    if (key == null) {
      return "null";
    }
    if (key instanceof Double || key instanceof Float) {
      return PythonJson.pythonFloat(((Number) key).doubleValue());
    }
    if (key instanceof CharSequence
        || key instanceof Character
        || key instanceof Number
        || key instanceof Boolean) {
      return String.valueOf(key);
    }
    throw new EncodeException(
        "keys must be str, int, float, bool or None, not " + key.getClass().getSimpleName());
  }
}
