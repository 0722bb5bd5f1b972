package io.celerykit.assertj;

import io.celerykit.internal.ResultKey;
import io.celerykit.internal.TreeWalk;
import io.celerykit.result.ResultBase;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree walk of the assertions: breadth-first with celerykit's one walker ({@link TreeWalk}), so
 * deep chains do not overflow the stack. Reads children as stored now and never waits. A node
 * reached twice (the same task or group id under two parents) is visited once.
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
    // Each node's children are read once, by the walk; whether there were any is noted then.
    Map<ResultBase, Boolean> leaves = new IdentityHashMap<>();
    TreeWalk.Iteration<ResultBase> walk =
        TreeWalk.<ResultBase>over(
                node -> {
                  List<ResultBase> children = node.children();
                  leaves.put(node, children.isEmpty());
                  return children;
                })
            .distinctBy(ResultKey::of)
            .breadthFirst(root);
    List<TreeWalk.Step<ResultBase>> steps = new ArrayList<>();
    while (walk.hasNext()) {
      steps.add(walk.next());
    }
    List<Node> out = new ArrayList<>(steps.size());
    for (TreeWalk.Step<ResultBase> step : steps) {
      out.add(new Node(step.node(), step.depth(), leaves.get(step.node())));
    }
    return out;
  }
}
