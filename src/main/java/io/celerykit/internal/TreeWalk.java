package io.celerykit.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one walker of celerykit's trees (result trees, result tuples): breadth-first, depth-first
 * pre-order and post-order, all iterative, so that a tree a million levels deep walks without
 * {@link StackOverflowError}. Not API.
 *
 * <p>The breadth-first and depth-first walks are lazy: a node's children are read only when the
 * walk moves past the node (on the next {@code hasNext()}), so that a caller can wait for the node
 * first, as Celery's {@code collect} does, and a children function may end the walk by throwing (as
 * {@code iterdeps} does for a node that is not ready).
 *
 * <pre>{@code
 * Iterator<TreeWalk.Step<ResultBase>> it = TreeWalk.over(ResultBase::children).breadthFirst(root);
 * }</pre>
 *
 * @param <N> the type of the nodes
 */
public final class TreeWalk<N> {

  /**
   * One node reached by a walk.
   *
   * @param <N> the type of the nodes
   * @param parent the node it was reached from, or null for the root
   * @param node the node
   * @param depth edges from the root (the root is 0)
   * @param last whether it is the last child of its parent (true for the root)
   */
  public record Step<N>(N parent, N node, int depth, boolean last) {}

  private final Function<? super N, ? extends List<? extends N>> children;
  private final Function<? super N, ?> key;

  private TreeWalk(
      Function<? super N, ? extends List<? extends N>> children, Function<? super N, ?> key) {
    this.children = children;
    this.key = key;
  }

  /**
   * Returns a walker that reads a node's children (or, for {@link #postOrder}, its dependencies)
   * with a function; null entries are skipped.
   *
   * @param <N> the type of the nodes
   * @param children the children of a node, in order
   * @return the walker
   */
  public static <N> TreeWalk<N> over(Function<? super N, ? extends List<? extends N>> children) {
    return new TreeWalk<>(Checks.requireNonNull(children, "children"), null);
  }

  /**
   * Returns a walker that yields each key once: a node whose key was reached before (the same task
   * under two parents) is neither yielded again nor expanded.
   *
   * @param key the identity of a node (compared with {@code equals})
   * @return the walker
   */
  public TreeWalk<N> distinctBy(Function<? super N, ?> key) {
    return new TreeWalk<>(children, Checks.requireNonNull(key, "key"));
  }

  /**
   * Walks breadth-first from the root, the root first.
   *
   * @param root the root
   * @return a lazy iterator of the steps
   */
  public Iteration<N> breadthFirst(N root) {
    return new Iteration<>(this, root, false);
  }

  /**
   * Walks depth-first, each node before its children and children in order (pre-order).
   *
   * @param root the root
   * @return a lazy iterator of the steps
   */
  public Iteration<N> depthFirst(N root) {
    return new Iteration<>(this, root, true);
  }

  /**
   * Visits every node reachable from the root once (by identity), each after all of its
   * dependencies, in the order a recursive walk over the dependencies in list order would finish
   * them; the root is visited last.
   *
   * @param root the root
   * @param visit called once per node
   */
  public void postOrder(N root, Consumer<? super N> visit) {
    List<? extends N> rootDependencies = children.apply(root);
    if (rootDependencies.isEmpty()) {
      visit.accept(root);
      return;
    }
    Set<N> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Frame<N>> stack = new ArrayDeque<>();
    stack.push(new Frame<>(root, rootDependencies));
    while (!stack.isEmpty()) {
      Frame<N> top = stack.peek();
      if (top.next < top.dependencies.size()) {
        N dependency = top.dependencies.get(top.next++);
        if (dependency != null && !done.contains(dependency)) {
          stack.push(new Frame<>(dependency, children.apply(dependency)));
        }
      } else {
        stack.pop();
        if (done.add(top.node)) {
          visit.accept(top.node);
        }
      }
    }
  }

  /** A node of the post-order walk and how far through its dependencies the walk is. */
  private static final class Frame<N> {
    final N node;
    final List<? extends N> dependencies;
    int next;

    Frame(N node, List<? extends N> dependencies) {
      this.node = node;
      this.dependencies = dependencies;
    }
  }

  /**
   * A breadth-first (a queue) or depth-first (a stack) walk in progress, expanding each node
   * lazily.
   *
   * @param <N> the type of the nodes
   */
  public static final class Iteration<N> implements Iterator<Step<N>> {
    private final Function<? super N, ? extends List<? extends N>> children;
    private final Function<? super N, ?> key;
    private final Deque<Step<N>> pending = new ArrayDeque<>();
    private final boolean depthFirst;
    private final Set<Object> seen;
    private Step<N> toExpand;

    private Iteration(TreeWalk<N> walk, N root, boolean depthFirst) {
      this.children = walk.children;
      this.key = walk.key;
      this.depthFirst = depthFirst;
      this.seen = key == null ? null : new HashSet<>();
      if (seen != null) {
        seen.add(key.apply(root));
      }
      pending.add(new Step<>(null, root, 0, true));
    }

    /**
     * Returns how many nodes were reached and not yielded yet (after {@link #hasNext()}, which
     * reads the children of the node yielded last).
     *
     * @return the number of nodes waiting in the queue or stack
     */
    public int pending() {
      return pending.size();
    }

    /** {@inheritDoc} */
    @Override
    public boolean hasNext() {
      expand();
      return !pending.isEmpty();
    }

    /** {@inheritDoc} */
    @Override
    public Step<N> next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the walk is exhausted");
      }
      Step<N> step = depthFirst ? pending.pop() : pending.poll();
      toExpand = step;
      return step;
    }

    private void expand() {
      Step<N> step = toExpand;
      if (step == null) {
        return;
      }
      toExpand = null;
      List<? extends N> next = null;
      try {
        next = children.apply(step.node());
      } finally {
        if (next == null) {
          // The children function ended the walk (it threw): nothing more is yielded.
          pending.clear();
        }
      }
      int size = next.size();
      int depth = step.depth() + 1;
      if (depthFirst) {
        // Pushed last child first, so that the first child is walked first.
        for (int i = size - 1; i >= 0; i--) {
          offer(step.node(), next.get(i), depth, i == size - 1);
        }
      } else {
        for (int i = 0; i < size; i++) {
          offer(step.node(), next.get(i), depth, i == size - 1);
        }
      }
    }

    private void offer(N parent, N child, int depth, boolean last) {
      if (child == null || (seen != null && !seen.add(key.apply(child)))) {
        return;
      }
      Step<N> step = new Step<>(parent, child, depth, last);
      if (depthFirst) {
        pending.push(step);
      } else {
        pending.add(step);
      }
    }
  }
}
