package io.celerykit.redis.differential;

import static io.celerykit.redis.differential.Steps.send;
import static io.celerykit.redis.differential.Steps.settle;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.CollectedValue;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultEdge;
import java.util.List;

/**
 * Result trees that a task makes by sending tasks (Celery's trail): children in metas, {@code
 * collect()} and {@code iterdeps()} order, {@code getLeaf()}, the DOT text of {@code graph()}.
 */
final class TreeScenarios {
  private TreeScenarios() {}

  static List<Scenario> all() {
    return List.of(
        Scenario.of(
            "the children of a task are the tasks it sent, with it as their parent",
            run -> {
              AsyncResult<Object> r = send(run, "diff.spawn", 2);
              settle(run, "parent", r);
              List<ResultBase> children = r.children();
              for (int i = 0; i < children.size(); i++) {
                settle(run, "child" + i, (AsyncResult<?>) children.get(i));
              }
            }),
        Scenario.of(
            "collect walks a tree breadth first, waiting for each node",
            run -> {
              AsyncResult<Object> root = send(run, "diff.tree");
              List<String> walk = root.collect().map(TreeScenarios::collected).toList();
              run.record("collect", walk);
            }),
        Scenario.of(
            "iterdeps yields each node with its parent",
            run -> {
              AsyncResult<Object> root = send(run, "diff.tree");
              root.collect().forEach(c -> {});
              run.record("iterdeps", root.iterdeps().map(TreeScenarios::edge).toList());
            }),
        Scenario.of(
            "getLeaf returns the value of the last node walked",
            run -> {
              AsyncResult<Object> root = send(run, "diff.tree");
              run.outcome("getLeaf", root::getLeaf);
            }),
        Scenario.of(
            "graph draws the tree in Celery's DOT",
            run -> {
              AsyncResult<Object> root = send(run, "diff.tree");
              root.collect().forEach(c -> {});
              run.note("dot", root.graph().toDot());
            }));
  }

  private static String collected(CollectedValue c) {
    return id(c.result()) + " -> " + Render.value(c.value());
  }

  private static String edge(ResultEdge e) {
    return (e.parent() == null ? "None" : id(e.parent())) + " -> " + id(e.result());
  }

  private static String id(ResultBase r) {
    return r instanceof AsyncResult<?> a ? a.id() : r.toString();
  }
}
