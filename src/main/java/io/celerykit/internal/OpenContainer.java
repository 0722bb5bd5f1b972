package io.celerykit.internal;

import java.util.Iterator;

/**
 * A list or map being written without recursion, by {@link Preview} and {@link PythonJsonText}:
 * what is left of it, and whether anything of it was written yet.
 */
final class OpenContainer {
  final Iterator<?> rest;
  final boolean map;
  private boolean started;

  OpenContainer(Iterator<?> rest, boolean map) {
    this.rest = rest;
    this.map = map;
  }

  /**
   * Returns the next item, after writing the {@code ", "} that parts it from the one before, as
   * Python's {@code repr} and {@code json.dumps} both write.
   */
  Object next(StringBuilder sb) {
    if (started) {
      sb.append(", ");
    }
    started = true;
    return rest.next();
  }
}
