package io.celerykit.result;

import io.celerykit.graph.DependencyGraph;
import io.celerykit.graph.GraphFormatter;
import io.celerykit.internal.MappedIterator;
import io.celerykit.internal.TreeWalk;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Celery's walks of a result tree from a task result: {@code iterdeps} (breadth-first; a node's
 * children are read only when the walk moves past it, so that {@code collect} can wait for the node
 * first) and {@code build_graph}, over celerykit's one tree walker.
 */
final class DependencyWalk {
  private DependencyWalk() {}

  /** {@code iterdeps(intermediate)} as a lazy stream. */
  static Stream<ResultEdge> iterdeps(AsyncResult<?> root, boolean intermediate) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            edges(root, intermediate), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** {@code iterdeps(intermediate)} as a lazy iterator. */
  static Iterator<ResultEdge> edges(AsyncResult<?> root, boolean intermediate) {
    TreeWalk.Iteration<ResultBase> walk =
        TreeWalk.<ResultBase>over(node -> childrenOf(node, intermediate)).breadthFirst(root);
    return MappedIterator.map(walk, step -> new ResultEdge(step.parent(), step.node()));
  }

  /** As Celery's {@code iterdeps}: a ready node's children; a node not ready ends the walk. */
  private static List<ResultBase> childrenOf(ResultBase node, boolean intermediate) {
    if (node.ready()) {
      return node.children();
    }
    if (intermediate) {
      return List.of();
    }
    throw new IncompleteStreamException(
        "result "
            + node
            + " is not ready (state="
            + (node instanceof AsyncResult<?> r ? r.state() : "not all members ready")
            + "): iterdeps(intermediate=false) needs every node ready; wait for it (get() or"
            + " collect() do), or pass intermediate=true to yield it without its children");
  }

  /** {@code build_graph(intermediate, formatter)}: a node per result reached, an edge per child. */
  static DependencyGraph<ResultBase> buildGraph(
      AsyncResult<?> root, boolean intermediate, GraphFormatter<? super ResultBase> formatter) {
    GraphFormatter<? super ResultBase> format =
        formatter != null
            ? formatter
            : GraphFormatter.builder().root(root.id()).scheme("shape", "oval").<ResultBase>build();
    DependencyGraph<ResultBase> graph = new DependencyGraph<>(format);
    Iterator<ResultEdge> it = edges(root, intermediate);
    while (it.hasNext()) {
      ResultEdge edge = it.next();
      graph.addArc(edge.result());
      if (edge.parent() != null) {
        graph.addEdge(edge.parent(), edge.result());
      }
    }
    return graph;
  }
}
