package io.celerykit.graph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders Celery's {@code repr_node} trees without recursion, with one shared valency cache and a
 * character budget: a deep graph's full rendering grows with the cube of its depth, so output stops
 * at a line boundary near {@link #MAX_CHARS} and ends with a {@code ...} line.
 */
final class ReprWriter<N> {

  static final int MAX_CHARS = 1_000_000;
  static final String TRUNCATED = "...";
  private static final int INDENT_WIDTH = 5;

  private final Map<N, List<N>> adjacent;
  private final Valency<N> valency;
  private final StringBuilder out = new StringBuilder();
  private boolean truncated;

  ReprWriter(Map<N, List<N>> adjacent) {
    this.adjacent = adjacent;
    this.valency = new Valency<>(adjacent);
  }

  /** Appends the tree of {@code obj}; returns false once the budget is exhausted. */
  boolean write(N obj) {
    if (!line(0, obj)) {
      return false;
    }
    List<N> deps = adjacent.get(obj);
    if (deps == null) {
      return true;
    }
    Deque<Frame<N>> stack = new ArrayDeque<>();
    Set<N> onPath = new HashSet<>();
    stack.push(new Frame<>(obj, deps, 1));
    onPath.add(obj);
    while (!stack.isEmpty()) {
      Frame<N> top = stack.peek();
      if (top.next == top.deps.size()) {
        stack.pop();
        onPath.remove(top.node);
        continue;
      }
      N child = top.deps.get(top.next++);
      if (!line(top.level, child)) {
        return false;
      }
      List<N> childDeps = adjacent.get(child);
      if (childDeps != null && !childDeps.isEmpty() && onPath.add(child)) {
        stack.push(new Frame<>(child, childDeps, top.level + 1));
      }
    }
    return true;
  }

  String result() {
    return out.toString();
  }

  private boolean line(int level, N node) {
    if (truncated) {
      return false;
    }
    String text = node + "(" + valency.of(node) + ")";
    int separator = out.length() > 0 ? 1 : 0;
    long needed = separator + (long) INDENT_WIDTH * level + text.length();
    if (out.length() + needed > MAX_CHARS) {
      truncated = true;
      out.append(separator > 0 ? "\n" : "").append(TRUNCATED);
      return false;
    }
    if (separator > 0) {
      out.append('\n');
    }
    out.append(" ".repeat(INDENT_WIDTH * level)).append(text);
    return true;
  }

  private static final class Frame<N> {
    final N node;
    final List<N> deps;
    final int level;
    int next;

    Frame(N node, List<N> deps, int level) {
      this.node = node;
      this.deps = deps;
      this.level = level;
    }
  }
}
