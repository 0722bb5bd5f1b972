package io.celerykit.result;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Celery's {@code iterdeps}: breadth-first over the result tree; a node's children are read only
 * when the walk moves past it, so that a caller can wait for the node first (as {@code collect}
 * does).
 */
final class DependencyIterator implements Iterator<ResultEdge> {
  private final Deque<ResultEdge> queue = new ArrayDeque<>();
  private final boolean intermediate;
  private ResultBase toExpand;

  DependencyIterator(ResultBase root, boolean intermediate) {
    this.intermediate = intermediate;
    queue.add(new ResultEdge(null, root));
  }

  @Override
  public boolean hasNext() {
    expandPending();
    return !queue.isEmpty();
  }

  @Override
  public ResultEdge next() {
    if (!hasNext()) {
      throw new NoSuchElementException("iterdeps is exhausted");
    }
    ResultEdge edge = queue.poll();
    toExpand = edge.node();
    return edge;
  }

  private void expandPending() {
    ResultBase node = toExpand;
    if (node == null) {
      return;
    }
    toExpand = null;
    if (node.ready()) {
      for (ResultBase child : node.children()) {
        queue.add(new ResultEdge(node, child));
      }
    } else if (!intermediate) {
      queue.clear();
      throw new IncompleteStreamException(
          "result "
              + node
              + " is not ready (state="
              + (node instanceof AsyncResult<?> r ? r.state() : "not all members ready")
              + "): iterdeps(intermediate=false) needs every node ready; wait for it (get() or"
              + " collect() do), or pass intermediate=true to yield it without its children");
    }
  }
}
