package io.celerykit.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * The start of a value's {@code toString()} for an error message: lists, collections, maps and
 * arrays are written as {@link java.util.AbstractCollection#toString()} writes them, but without
 * recursion and only up to a length, so that a value nested a million deep, or one that holds
 * itself, cannot overflow the stack or flood the message. Not API.
 */
public final class Preview {
  private Preview() {}

  /**
   * Writes the start of a value.
   *
   * @param value the value
   * @param limit how many characters to keep; longer text ends with {@code ...}
   * @return the text
   */
  public static String of(Object value, int limit) {
    StringBuilder sb = new StringBuilder();
    ArrayDeque<OpenContainer> open = new ArrayDeque<>();
    Object next = value;
    while (sb.length() <= limit) {
      if (next instanceof Map<?, ?> map) {
        sb.append('{');
        open.push(new OpenContainer(map.entrySet().iterator(), true));
      } else if (next instanceof Collection<?> collection) {
        sb.append('[');
        open.push(new OpenContainer(collection.iterator(), false));
      } else if (next instanceof Object[] array) {
        sb.append('[');
        open.push(new OpenContainer(Arrays.asList(array).iterator(), false));
      } else {
        sb.append(String.valueOf(next));
      }
      while (!open.isEmpty() && !open.peek().rest.hasNext()) {
        sb.append(open.pop().map ? '}' : ']');
      }
      if (open.isEmpty()) {
        break;
      }
      OpenContainer o = open.peek();
      Object item = o.next(sb);
      if (o.map) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
        sb.append(entry.getKey()).append('=');
        next = entry.getValue();
      } else {
        next = item;
      }
    }
    if (sb.length() > limit) {
      sb.setLength(limit);
      sb.append("...");
    }
    return sb.toString();
  }
}
