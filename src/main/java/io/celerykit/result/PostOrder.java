package io.celerykit.result;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/** Iterative depth-first post-order walk over a DAG: each node once, after its dependencies. */
final class PostOrder {
  private PostOrder() {}

  /**
   * Visits every node reachable from {@code root} once, each after all of its dependencies, in the
   * order a recursive walk over the dependencies in list order would finish them.
   */
  static <N> void walk(N root, Function<N, List<N>> dependencies, Consumer<N> visit) {
    List<N> rootDependencies = dependencies.apply(root);
    if (rootDependencies.isEmpty()) {
      visit.accept(root);
      return;
    }
    Set<N> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Frame<N>> stack = new ArrayDeque<>();
    stack.push(new Frame<>(root, rootDependencies));
    while (!stack.isEmpty()) {
      Frame<N> top = stack.peek();
      if (top.next < top.deps.size()) {
        N dep = top.deps.get(top.next++);
        if (dep != null && !done.contains(dep)) {
          stack.push(new Frame<>(dep, dependencies.apply(dep)));
        }
      } else {
        stack.pop();
        if (done.add(top.node)) {
          visit.accept(top.node);
        }
      }
    }
  }

  private static final class Frame<N> {
    final N node;
    final List<N> deps;
    int next;

    Frame(N node, List<N> deps) {
      this.node = node;
      this.deps = deps;
    }
  }
}
