package io.celerykit.internal;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;

/**
 * What makes two nodes of a result tree the same node: the task id of a task result, the group id
 * of a group result (kept apart from task ids), the object itself for a plain set, which has no id.
 * Walks that visit a node once ({@link TreeWalk#distinctBy}) compare these. Not API.
 */
public final class ResultKey {
  private ResultKey() {}

  /**
   * Returns the key of a node.
   *
   * @param node the node
   * @return a key compared with {@code equals}
   */
  public static Object of(ResultBase node) {
    if (node instanceof AsyncResult<?> result) {
      return new Task(result.id());
    }
    if (node instanceof GroupResult group) {
      return new Group(group.id());
    }
    return new Identity(node);
  }

  private record Task(String id) {}

  private record Group(String id) {}

  /** Compares by identity: plain result sets have no id. */
  private static final class Identity {
    private final Object target;

    Identity(Object target) {
      this.target = target;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.target == target;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(target);
    }
  }
}
