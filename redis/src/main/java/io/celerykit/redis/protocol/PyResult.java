package io.celerykit.redis.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A result object of the canvas port, mutable as Celery's are while a canvas is frozen ({@code
 * prev_res.parent = res}, {@code node.parent = header_result}): an {@code AsyncResult} or, with
 * member results, a {@code GroupResult}.
 */
final class PyResult {
  final String id;
  final List<PyResult> results; // null for an AsyncResult
  PyResult parent;
  boolean ignored;

  private PyResult(String id, List<PyResult> results) {
    this.id = id;
    this.results = results;
  }

  /** {@code app.AsyncResult(id)}. */
  static PyResult task(String id) {
    return new PyResult(id, null);
  }

  /** {@code app.GroupResult(id, results)}. */
  static PyResult group(String id, List<PyResult> results) {
    return new PyResult(id, new ArrayList<>(results));
  }

  boolean isGroup() {
    return results != null;
  }

  ResultShape toShape() {
    ResultShape p = parent == null ? null : parent.toShape();
    if (results == null) {
      return new ResultShape.Task(id, p, ignored);
    }
    List<ResultShape> members = new ArrayList<>(results.size());
    for (PyResult r : results) {
      members.add(r.toShape());
    }
    return new ResultShape.Group(id, members, p);
  }
}
