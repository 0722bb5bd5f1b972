package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import io.celerykit.internal.ResultKey;
import io.celerykit.internal.TreeWalk;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws a result tree as text, one node a line with its state and value or exception, without
 * waiting for anything: for failure messages and test reports.
 *
 * <pre>
 * 3f2a… tasks.A SUCCESS 'fan-out'
 * ├── group 9b1c… (2 members)
 * │   ├── 77de… SUCCESS 0
 * │   └── 81aa… FAILURE ValueError: boom
 * </pre>
 */
public final class ResultTrees {

  /** How many nodes a drawing shows at most by default. */
  public static final int DEFAULT_MAX_NODES = 200;

  private ResultTrees() {}

  /**
   * Draws the tree under a result, at most {@link #DEFAULT_MAX_NODES} nodes.
   *
   * @param root the root
   * @return the drawing
   */
  public static String render(ResultBase root) {
    return render(root, DEFAULT_MAX_NODES);
  }

  /**
   * Draws the tree under a result, at most {@code maxNodes} nodes (then a line says how many were
   * left out).
   *
   * @param root the root
   * @param maxNodes the limit
   * @return the drawing
   */
  public static String render(ResultBase root, int maxNodes) {
    // A node reached twice is drawn each time but expanded once (a retried task lists itself
    // among its children).
    Set<Object> expanded = new HashSet<>();
    TreeWalk.Iteration<ResultBase> walk =
        TreeWalk.<ResultBase>over(
                node -> expanded.add(ResultKey.of(node)) ? node.children() : List.of())
            .depthFirst(root);
    StringBuilder out = new StringBuilder();
    // Whether the node drawn last at each depth was the last child of its parent.
    List<Boolean> lastAtDepth = new ArrayList<>();
    int shown = 0;
    while (shown < maxNodes && walk.hasNext()) {
      TreeWalk.Step<ResultBase> step = walk.next();
      shown++;
      int depth = step.depth();
      while (lastAtDepth.size() > depth) {
        lastAtDepth.remove(lastAtDepth.size() - 1);
      }
      lastAtDepth.add(step.last());
      for (int level = 1; level < depth; level++) {
        out.append(lastAtDepth.get(level) ? "    " : "│   ");
      }
      if (depth > 0) {
        out.append(step.last() ? "└── " : "├── ");
      }
      out.append(describe(step.node())).append('\n');
    }
    int skipped = walk.hasNext() ? walk.pending() : 0;
    if (skipped > 0) {
      out.append("... ").append(skipped).append(" more nodes not shown\n");
    }
    return out.toString();
  }

  /**
   * Describes one node: id, name (when stored), state and value or exception.
   *
   * @param node the node
   * @return one line
   */
  public static String describe(ResultBase node) {
    if (node instanceof GroupResult group) {
      return "group " + group.id() + " (" + group.size() + " members)";
    }
    if (node instanceof ResultSet set) {
      return "set (" + set.size() + " members)";
    }
    AsyncResult<?> result = (AsyncResult<?>) node;
    StringBuilder sb = new StringBuilder(result.id());
    String name = result.name();
    if (name != null) {
      sb.append(' ').append(name);
    }
    TaskState state = result.state();
    sb.append(' ').append(state);
    Object value = result.result();
    if (value instanceof Throwable error) {
      sb.append(' ').append(error.getClass().getSimpleName());
      if (error.getMessage() != null) {
        sb.append(": ").append(error.getMessage());
      }
    } else if (value != null || state.equals(TaskState.SUCCESS)) {
      sb.append(' ')
          .append(shorten(value instanceof ResultBase r ? describeRef(r) : PythonRepr.repr(value)));
    }
    return sb.toString();
  }

  private static String describeRef(ResultBase r) {
    return "<" + r.getClass().getSimpleName() + ": " + r + ">";
  }

  private static String shorten(String text) {
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }
}
