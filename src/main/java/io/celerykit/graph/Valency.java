package io.celerykit.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes Celery's {@code valency_of} without recursion, remembering every value it computes so
 * that a series of queries on one graph costs linear time overall. A dependency already on the
 * current path (a cycle) contributes 0.
 */
final class Valency<N> {

  private final Map<N, List<N>> adjacent;
  private final Map<N, Long> memo = new HashMap<>();

  Valency(Map<N, List<N>> adjacent) {
    this.adjacent = adjacent;
  }

  long of(N obj) {
    if (!adjacent.containsKey(obj)) {
      return 0;
    }
    Long known = memo.get(obj);
    if (known != null) {
      return known;
    }
    Deque<Frame<N>> stack = new ArrayDeque<>();
    Set<N> onPath = new HashSet<>();
    enter(stack, onPath, obj);
    while (!stack.isEmpty()) {
      Frame<N> top = stack.peek();
      if (top.next < top.deps.size()) {
        N child = top.deps.get(top.next++);
        if (!adjacent.containsKey(child) || onPath.contains(child)) {
          continue;
        }
        Long value = memo.get(child);
        if (value != null) {
          top.sum = Math.addExact(top.sum, value);
        } else {
          enter(stack, onPath, child);
        }
      } else {
        stack.pop();
        onPath.remove(top.node);
        long value = Math.addExact(top.deps.size(), top.sum);
        memo.put(top.node, value);
        Frame<N> parent = stack.peek();
        if (parent != null) {
          parent.sum = Math.addExact(parent.sum, value);
        }
      }
    }
    return memo.get(obj);
  }

  private void enter(Deque<Frame<N>> stack, Set<N> onPath, N node) {
    stack.push(new Frame<>(node, adjacent.get(node)));
    onPath.add(node);
  }

  private static final class Frame<N> {
    final N node;
    final List<N> deps;
    int next;
    long sum;

    Frame(N node, List<N> deps) {
      this.node = node;
      this.deps = deps;
    }
  }
}
