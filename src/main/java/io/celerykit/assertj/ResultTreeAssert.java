package io.celerykit.assertj;

import io.celerykit.app.ResultTrees;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CollectedValue;
import io.celerykit.result.ResultBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.error.ShouldNotBeNull;

/**
 * Checks a whole result tree: a root result (task result or set), the tasks it called ({@code
 * children}), their children, and so on. Obtain one with {@link
 * CeleryAssertions#assertThatTree(ResultBase)}.
 *
 * <p>Nodes are the root and every result below it, groups included; the walk is breadth-first, uses
 * a queue rather than recursion (trees may be deep), visits a node reached twice once, and reads
 * children as stored now without waiting. Only {@link #collectedValues()} waits. Failure messages
 * draw the tree.
 */
public class ResultTreeAssert extends AbstractAssert<ResultTreeAssert, ResultBase> {

  /** The soft assertions this assert belongs to, or null; navigated asserts join them. */
  SoftAssertionsProvider softly;

  /**
   * Creates an assert on the tree under a root; prefer {@link
   * CeleryAssertions#assertThatTree(ResultBase)}.
   *
   * @param root the root, may be null (every check then fails)
   */
  public ResultTreeAssert(ResultBase root) {
    super(root, ResultTreeAssert.class);
  }

  /**
   * Verifies that every node, the root included, satisfies the requirements, given as assertions;
   * the message lists every node that did not, with its error.
   *
   * @param requirements assertions on one node
   * @return this assert
   */
  public ResultTreeAssert allNodesSatisfy(Consumer<ResultBase> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    isNotNull();
    List<String> failures = new ArrayList<>();
    for (Walk.Node node : Walk.breadthFirst(actual)) {
      try {
        requirements.accept(node.result());
      } catch (AssertionError error) {
        failures.add(
            ResultTrees.describe(node.result())
                + "\n"
                + Describe.indent(String.valueOf(error.getMessage()).strip()));
      }
    }
    if (!failures.isEmpty()) {
      throwAssertionError(SetMessages.shouldAllSatisfy(actual, failures));
    }
    return myself;
  }

  /**
   * Verifies that every task result in the tree succeeded; sets count through their members.
   *
   * @return this assert
   */
  public ResultTreeAssert allNodesAreSuccessful() {
    isNotNull();
    List<String> notSuccessful = new ArrayList<>();
    for (Walk.Node node : Walk.breadthFirst(actual)) {
      if (node.result() instanceof AsyncResult<?> task && !task.successful()) {
        notSuccessful.add(ResultTrees.describe(task));
      }
    }
    if (!notSuccessful.isEmpty()) {
      throwAssertionError(SetMessages.shouldAllBeSuccessful(actual, notSuccessful));
    }
    return myself;
  }

  /**
   * Verifies how many nodes the tree has, the root and groups included.
   *
   * @param expected the number of nodes
   * @return this assert
   */
  public ResultTreeAssert hasNodeCount(int expected) {
    isNotNull();
    int count = Walk.breadthFirst(actual).size();
    if (count != expected) {
      throwAssertionError(SetMessages.shouldHaveNodeCount(actual, expected, count));
    }
    return myself;
  }

  /**
   * Verifies the depth of the tree: the number of edges on its longest path from the root to a
   * leaf. A result without children has depth 0; a root with children, depth 1; a group between a
   * task and its members counts as a level.
   *
   * @param expected the depth
   * @return this assert
   */
  public ResultTreeAssert hasDepth(int expected) {
    isNotNull();
    int depth = 0;
    for (Walk.Node node : Walk.breadthFirst(actual)) {
      depth = Math.max(depth, node.depth());
    }
    if (depth != expected) {
      throwAssertionError(SetMessages.shouldHaveDepth(actual, expected, depth));
    }
    return myself;
  }

  /**
   * Returns an assert on the leaves: the nodes without children, in breadth-first order.
   *
   * @return an assert on the leaf results
   */
  public final ListAssert<ResultBase> leaves() {
    ResultBase root = requireActual();
    List<ResultBase> leaves = null;
    if (root != null) {
      leaves = new ArrayList<>();
      for (Walk.Node node : Walk.breadthFirst(root)) {
        if (node.leaf()) {
          leaves.add(node.result());
        }
      }
    }
    return Navigation.list(softly, leaves, description("leaves"));
  }

  /**
   * Collects the tree as {@link AsyncResult#collect()} does and returns an assert on the values, in
   * collect order (breadth-first). Waiting for each node drives the worker in deterministic mode.
   * Fails when the root is a set (Celery's {@code collect} starts from a task result) or when
   * collecting raises (a node failed or was revoked, or can never complete).
   *
   * @return an assert on the collected values
   */
  public final ListAssert<Object> collectedValues() {
    ResultBase root = requireActual();
    List<Object> values = null;
    if (root instanceof AsyncResult<?> task) {
      try {
        values = task.collect().map(CollectedValue::value).toList();
      } catch (RuntimeException | Error raised) {
        Navigation.failed(
            softly,
            Navigation.withCause(assertionError(SetMessages.shouldCollect(task, raised)), raised));
      }
    } else if (root != null) {
      Navigation.failed(softly, assertionError(SetMessages.shouldCollectFromATask(root)));
    }
    return Navigation.list(softly, values, description("collected values"));
  }

  /**
   * Returns an assert on the task result with this id anywhere in the tree. Fails, listing the ids
   * present, when there is none.
   *
   * @param id the task id
   * @return an assert on that node
   */
  public final AsyncResultAssert<Object> node(String id) {
    Objects.requireNonNull(id, "id");
    ResultBase root = requireActual();
    AsyncResult<Object> found = null;
    if (root != null) {
      List<String> ids = new ArrayList<>();
      ResultBase set = null;
      for (Walk.Node node : Walk.breadthFirst(root)) {
        String nodeId = Describe.id(node.result());
        ids.add(nodeId);
        if (nodeId.equals(id)) {
          if (node.result() instanceof AsyncResult<?> task) {
            found = widen(task);
            break;
          }
          set = node.result();
        }
      }
      if (found == null) {
        Navigation.failed(
            softly,
            assertionError(
                set == null
                    ? SetMessages.shouldHaveTreeNode(root, id, ids)
                    : SetMessages.shouldHaveTaskNode(root, id, set)));
      }
    }
    return Navigation.result(softly, found, description("node " + id));
  }

  private ResultBase requireActual() {
    if (actual == null) {
      Navigation.failed(softly, assertionError(ShouldNotBeNull.shouldNotBeNull()));
    }
    return actual;
  }

  private String description(String what) {
    return Navigation.description(
        this, what + (actual == null ? "" : " of the tree under " + Describe.node(actual)));
  }

  @SuppressWarnings("unchecked")
  private static AsyncResult<Object> widen(AsyncResult<?> result) {
    return (AsyncResult<Object>) result;
  }
}
