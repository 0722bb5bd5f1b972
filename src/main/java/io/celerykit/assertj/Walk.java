package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A breadth-first walk of a result tree with a queue, not recursion, so deep chains do not overflow
 * the stack. Reads children as stored now and never waits. A node reached twice (the same task or
 * group id under two parents) is visited once.
 */
final class Walk {

  /**
   * One visited node.
   *
   * @param result the node
   * @param depth edges from the root (the root is 0)
   * @param leaf whether it has no children
   */
  record Node(ResultBase result, int depth, boolean leaf) {}

  private Walk() {}

  /** Visits every node under the root, the root first, breadth-first. */
  static List<Node> breadthFirst(ResultBase root) {
    List<Node> out = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    Deque<ResultBase> queue = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    queue.add(root);
    depths.add(0);
    seen.add(key(root));
    while (!queue.isEmpty()) {
      ResultBase node = queue.poll();
      int depth = depths.poll();
      List<ResultBase> children = node.children();
      out.add(new Node(node, depth, children.isEmpty()));
      for (ResultBase child : children) {
        if (seen.add(key(child))) {
          queue.add(child);
          depths.add(depth + 1);
        }
      }
    }
    return out;
  }

  private static Object key(ResultBase node) {
    if (node instanceof AsyncResult<?> result) {
      return "task:" + result.id();
    }
    if (node instanceof GroupResult group) {
      return "group:" + group.id();
    }
    return new Identity(node);
  }

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
