package io.celerykit.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Holds objects and their dependencies as an insertion-ordered adjacency map; mirrors Python's
 * {@code celery.utils.graph.DependencyGraph}. An edge {@code a -> b} means "{@code a} depends on
 * {@code b}".
 *
 * <p>Nodes are compared with {@code equals}/{@code hashCode} and iterate in the order they were
 * first added. Every operation is iterative, so deep graphs (long chains) cannot overflow the
 * stack. Like Celery's class it does not reject cycles; operations that would recurse forever in
 * Python ({@link #valencyOf}, {@link #toString}) stop at a node already on the current path. {@code
 * null} nodes are rejected. Not thread-safe.
 *
 * @param <N> the node type
 */
public final class DependencyGraph<N> implements Iterable<N> {

  private final Map<N, List<N>> adjacent = new LinkedHashMap<>();
  private final GraphFormatter<? super N> formatter;

  /**
   * Creates an empty graph drawn with a default {@link GraphFormatter}; mirrors {@code
   * DependencyGraph()}.
   */
  public DependencyGraph() {
    this(null);
  }

  /**
   * Creates an empty graph drawn with {@code formatter}; mirrors {@code
   * DependencyGraph(formatter=formatter)}.
   *
   * @param formatter the formatter used by {@link #toDot(Appendable)}, or {@code null} for a
   *     default one
   */
  public DependencyGraph(GraphFormatter<? super N> formatter) {
    this.formatter = formatter != null ? formatter : new GraphFormatter<>();
  }

  /**
   * Creates a graph from a map of objects to their dependencies; mirrors {@code
   * DependencyGraph(it)} with {@code it} being the map's items (see {@link #update(Map)}).
   *
   * @param <N> the node type
   * @param deps the objects and their dependencies, in the map's iteration order
   * @return a new graph with a default formatter
   */
  public static <N> DependencyGraph<N> of(
      Map<? extends N, ? extends Collection<? extends N>> deps) {
    DependencyGraph<N> graph = new DependencyGraph<>();
    graph.update(deps);
    return graph;
  }

  /**
   * Returns the formatter used when none is passed to {@code toDot}; mirrors the {@code formatter}
   * attribute.
   *
   * @return the formatter
   */
  public GraphFormatter<? super N> formatter() {
    return formatter;
  }

  /**
   * Adds {@code obj} as a node without dependencies unless it is already present; mirrors {@code
   * add_arc(obj)}.
   *
   * @param obj the node
   * @throws NullPointerException if {@code obj} is {@code null}
   */
  public void addArc(N obj) {
    adjacent.computeIfAbsent(requireNode(obj, "obj"), key -> new ArrayList<>());
  }

  /**
   * Records that {@code a} depends on {@code b}, appending {@code b} to {@code a}'s dependencies
   * (duplicates are kept); mirrors {@code add_edge(A, B)}. Unlike Celery, which raises {@code
   * KeyError} when {@code a} is not yet a node, {@code a} is added first. {@code b} is not added as
   * a node: call {@link #addArc} for it too.
   *
   * @param a the dependent node
   * @param b the dependency
   * @throws NullPointerException if {@code a} or {@code b} is {@code null}
   */
  public void addEdge(N a, N b) {
    requireNode(b, "b");
    adjacent.computeIfAbsent(requireNode(a, "a"), key -> new ArrayList<>()).add(b);
  }

  /**
   * Copies all nodes of {@code other} into this graph; mirrors {@code connect(graph)}. A node
   * present in both keeps its position here but takes {@code other}'s dependencies. Unlike Python,
   * the dependency lists are copied, not shared between the two graphs.
   *
   * @param other the graph to copy from
   * @throws NullPointerException if {@code other} is {@code null}
   */
  public void connect(DependencyGraph<? extends N> other) {
    Objects.requireNonNull(other, "other must not be null");
    List<Map.Entry<? extends N, ? extends List<? extends N>>> entries =
        new ArrayList<>(other.adjacent.entrySet());
    for (Map.Entry<? extends N, ? extends List<? extends N>> entry : entries) {
      adjacent.put(entry.getKey(), new ArrayList<>(entry.getValue()));
    }
  }

  /**
   * Adds objects and their dependencies; mirrors {@code update(it)} with {@code it} being the map's
   * items. As in Celery, every object is first added with {@link #addArc}, then each dependency
   * with {@link #addEdge}; dependencies that are not themselves keys are not added as nodes.
   *
   * @param deps the objects and their dependencies, in the map's iteration order
   * @throws NullPointerException if {@code deps}, a key, a dependency collection or a dependency is
   *     {@code null}
   */
  public void update(Map<? extends N, ? extends Collection<? extends N>> deps) {
    update(Objects.requireNonNull(deps, "deps must not be null").entrySet());
  }

  /**
   * Adds {@code (obj, deps)} pairs; mirrors {@code update(it)}: all objects are added with {@link
   * #addArc} first, then all dependencies with {@link #addEdge}.
   *
   * @param entries the pairs, in order; an object may appear more than once
   * @throws NullPointerException if {@code entries}, an entry, an object, a dependency collection
   *     or a dependency is {@code null}
   */
  public void update(
      Iterable<? extends Map.Entry<? extends N, ? extends Collection<? extends N>>> entries) {
    Objects.requireNonNull(entries, "entries must not be null");
    List<Map.Entry<? extends N, ? extends Collection<? extends N>>> pairs = new ArrayList<>();
    for (Map.Entry<? extends N, ? extends Collection<? extends N>> entry : entries) {
      Objects.requireNonNull(entry, "entries must not contain null");
      requireNode(entry.getKey(), "obj");
      Collection<? extends N> deps =
          Objects.requireNonNull(
              entry.getValue(), () -> "deps of " + entry.getKey() + " must not be null");
      for (N dep : deps) {
        requireNode(dep, "dep");
      }
      pairs.add(entry);
    }
    for (Map.Entry<? extends N, ? extends Collection<? extends N>> pair : pairs) {
      addArc(pair.getKey());
    }
    for (Map.Entry<? extends N, ? extends Collection<? extends N>> pair : pairs) {
      for (N dep : pair.getValue()) {
        addEdge(pair.getKey(), dep);
      }
    }
  }

  /**
   * Returns the nodes that have at least one dependency, in insertion order; mirrors {@code
   * edges()}.
   *
   * @return a new list
   */
  public List<N> edges() {
    List<N> result = new ArrayList<>();
    adjacent.forEach(
        (node, deps) -> {
          if (!deps.isEmpty()) {
            result.add(node);
          }
        });
    return result;
  }

  /**
   * Returns the dependencies of {@code node} in the order they were added; mirrors {@code
   * graph[node]} ({@code __getitem__}).
   *
   * @param node the node
   * @return a read-only live view of its dependencies
   * @throws NullPointerException if {@code node} is {@code null}
   * @throws IllegalArgumentException if {@code node} is not in the graph
   */
  public List<N> adjacent(N node) {
    List<N> deps = adjacent.get(requireNode(node, "node"));
    if (deps == null) {
      throw new IllegalArgumentException("node " + node + " is not in the graph");
    }
    return Collections.unmodifiableList(deps);
  }

  /**
   * Tells whether {@code obj} is a node of the graph; mirrors {@code obj in graph} ({@code
   * __contains__}).
   *
   * @param obj the node
   * @return {@code true} if it was added as a node
   * @throws NullPointerException if {@code obj} is {@code null}
   */
  public boolean contains(N obj) {
    return adjacent.containsKey(requireNode(obj, "obj"));
  }

  /**
   * Returns the number of nodes; mirrors {@code len(graph)} ({@code __len__}).
   *
   * @return the node count
   */
  public int size() {
    return adjacent.size();
  }

  /**
   * Returns the nodes in insertion order; mirrors {@code iter(graph)} ({@code __iter__}).
   *
   * @return a read-only iterator
   */
  @Override
  public Iterator<N> iterator() {
    return Collections.unmodifiableSet(adjacent.keySet()).iterator();
  }

  /**
   * Returns each node with its dependencies, in insertion order; mirrors {@code items()}.
   *
   * @return an unmodifiable snapshot of the entries, each value a read-only live view
   */
  public List<Map.Entry<N, List<N>>> items() {
    List<Map.Entry<N, List<N>>> result = new ArrayList<>(adjacent.size());
    adjacent.forEach(
        (node, deps) -> result.add(Map.entry(node, Collections.unmodifiableList(deps))));
    return Collections.unmodifiableList(result);
  }

  /**
   * Returns the number of dependency edges reachable from {@code obj}, counted once per path: the
   * size of its own list plus the valency of every dependency; mirrors {@code valency_of(obj)}.
   * Runs in linear time; on a cycle a node already on the current path counts as 0 (Celery would
   * recurse forever).
   *
   * @param obj the node
   * @return the valency, 0 if {@code obj} is not in the graph
   * @throws NullPointerException if {@code obj} is {@code null}
   * @throws ArithmeticException if the count overflows a {@code long}
   */
  public long valencyOf(N obj) {
    return new Valency<>(adjacent).of(requireNode(obj, "obj"));
  }

  /**
   * Sorts the nodes so that every node comes after its dependencies; mirrors {@code topsort()},
   * reproducing Celery's exact order (Tarjan's strongly connected components, then Kahn's algorithm
   * on the component graph, returning each component's first node).
   *
   * @return a new list of nodes
   * @throws IllegalStateException if a dependency is not a node of the graph (Celery raises {@code
   *     KeyError})
   */
  public List<N> topsort() {
    return TopologicalSort.sort(adjacent);
  }

  /**
   * Writes the graph as DOT text with this graph's formatter; mirrors {@code to_dot(fh)}.
   *
   * @param out where to write
   * @throws IOException if {@code out} fails
   */
  public void toDot(Appendable out) throws IOException {
    toDot(out, null);
  }

  /**
   * Writes the graph as DOT text; mirrors {@code to_dot(fh, formatter)}. Prints the head, then for
   * each node in order either its terminal-node line (no dependencies) or its node line followed by
   * one edge line per dependency, then the tail. A node line is skipped when a node or
   * terminal-node line with the same label was already printed; edge lines always print. Every
   * printed string ends with {@code "\n"}.
   *
   * @param out where to write
   * @param formatter the formatter, or {@code null} for this graph's one
   * @throws IOException if {@code out} fails
   */
  public void toDot(Appendable out, GraphFormatter<? super N> formatter) throws IOException {
    Objects.requireNonNull(out, "out must not be null");
    GraphFormatter<? super N> draw = formatter != null ? formatter : this.formatter;
    Set<String> seen = new HashSet<>();
    println(out, draw.head());
    for (Map.Entry<N, List<N>> entry : adjacent.entrySet()) {
      N obj = entry.getKey();
      if (entry.getValue().isEmpty() && seen.add(draw.label(obj))) {
        println(out, draw.terminalNode(obj));
      }
      for (N req : entry.getValue()) {
        if (seen.add(draw.label(obj))) {
          println(out, draw.node(obj));
        }
        println(out, draw.edge(obj, req));
      }
    }
    println(out, draw.tail());
  }

  /**
   * Returns the graph as DOT text with this graph's formatter; mirrors {@code to_dot()} into a
   * string buffer.
   *
   * @return the DOT text
   */
  public String toDot() {
    StringBuilder out = new StringBuilder();
    try {
      toDot(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Returns {@code obj} and, indented five spaces per level, the tree of its dependencies, each as
   * {@code node(valency)}; mirrors {@code repr_node(obj)}. A node already on the current path is
   * printed but not expanded again; output beyond 1,000,000 characters is cut at a line boundary
   * and ends with a {@code ...} line.
   *
   * @param obj the node, which need not be in the graph
   * @return the rendered tree, without a trailing line break
   * @throws NullPointerException if {@code obj} is {@code null}
   */
  public String reprNode(N obj) {
    ReprWriter<N> writer = new ReprWriter<>(adjacent);
    writer.write(requireNode(obj, "obj"));
    return writer.result();
  }

  /**
   * Returns {@link #reprNode} of every node, in order, joined by line breaks; mirrors {@code
   * repr(graph)} ({@code __repr__}). Shares {@code reprNode}'s cycle guard and size limit.
   *
   * @return the rendered graph
   */
  @Override
  public String toString() {
    ReprWriter<N> writer = new ReprWriter<>(adjacent);
    for (N node : adjacent.keySet()) {
      if (!writer.write(node)) {
        break;
      }
    }
    return writer.result();
  }

  private static void println(Appendable out, String line) throws IOException {
    out.append(line).append('\n');
  }

  private static <T> T requireNode(T node, String name) {
    return Objects.requireNonNull(node, () -> name + " must not be null");
  }
}
