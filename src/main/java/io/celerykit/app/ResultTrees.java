package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.util.ArrayDeque;
import java.util.Deque;
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
    StringBuilder out = new StringBuilder();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, "", "", 0));
    Set<String> seen = new HashSet<>();
    int shown = 0;
    int skipped = 0;
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      if (shown >= maxNodes) {
        skipped++;
        continue;
      }
      shown++;
      out.append(f.prefix).append(describe(f.node)).append('\n');
      if (!seen.add(key(f.node))) {
        continue; // drawn already (a retried task lists itself among its children)
      }
      List<ResultBase> children = f.node.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        boolean last = i == children.size() - 1;
        stack.push(
            new Frame(
                children.get(i),
                f.childIndent + (last ? "└── " : "├── "),
                f.childIndent + (last ? "    " : "│   "),
                f.depth + 1));
      }
    }
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

  private static String key(ResultBase node) {
    if (node instanceof GroupResult group) {
      return "group:" + group.id();
    }
    if (node instanceof AsyncResult<?> result) {
      return "task:" + result.id();
    }
    return "set@" + System.identityHashCode(node);
  }

  /** One line to draw. */
  private record Frame(ResultBase node, String prefix, String childIndent, int depth) {}
}
