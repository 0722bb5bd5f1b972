package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple among the values Celery serializes: kombu's JSON writes it as a list, Celery's
 * {@code saferepr} with parentheses ({@code (2, 2)}, {@code (1,)}). Signatures keep their arguments
 * as tuples, {@code app.send_task(args=[...])} keeps the caller's list: that is why the {@code
 * argsrepr} of a task sent from a signature reads {@code (2, 2)} and not {@code [2, 2]}.
 *
 * @param items the items, unmodifiable (nulls allowed)
 */
record PyTuple(List<Object> items) {

  /** The empty tuple, {@code ()}. */
  static final PyTuple EMPTY = new PyTuple(List.of());

  PyTuple {
    items = Collections.unmodifiableList(new ArrayList<>(items));
  }

  /** Makes a tuple of a sequence's items, as Python's {@code tuple(seq)}. */
  static PyTuple of(List<?> items) {
    return items.isEmpty() ? EMPTY : new PyTuple(new ArrayList<>(items));
  }

  /** Concatenates, as Python's {@code tuple(a) + tuple(b)}. */
  PyTuple plus(PyTuple more) {
    if (more.items.isEmpty()) {
      return this;
    }
    List<Object> all = new ArrayList<>(items);
    all.addAll(more.items);
    return new PyTuple(all);
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  int size() {
    return items.size();
  }
}
