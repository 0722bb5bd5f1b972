package io.celerykit.assertj;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static io.celerykit.assertj.CeleryAssertions.assertThatTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import org.junit.jupiter.api.Test;

class ResultTreeAssertTest {

  private static final String STORED =
      "RemoteTaskException: java.lang.IllegalStateException: kaboom";

  private static final String NL = System.lineSeparator();

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final Task<Integer> boom =
      app.task(
          "tasks.boom",
          () -> {
            throw new IllegalStateException("kaboom");
          });

  /** root(a, b(c)): four nodes, depth 2, leaves a and c. */
  private AsyncResult<Object> seededTree() {
    AsyncResult<Object> a = app.seed().succeeded("a", 1);
    AsyncResult<Object> c = app.seed().succeeded("c", 3);
    AsyncResult<Object> b = app.seed().children(c).succeeded("b", 2);
    return app.seed().children(a, b).succeeded("root", 0);
  }

  @Test
  void aSeededTreeHasItsShape() {
    AsyncResult<Object> root = seededTree();

    assertThatTree(root).hasNodeCount(4).hasDepth(2).allNodesAreSuccessful();
    assertThatTree(root)
        .leaves()
        .extracting(node -> ((AsyncResult<?>) node).id())
        .containsExactly("a", "c");
  }

  @Test
  void aLoneResultIsATreeOfOneNodeAndDepthZero() {
    AsyncResult<Object> alone = app.seed().succeeded("alone", 1);

    assertThatTree(alone).hasNodeCount(1).hasDepth(0).leaves().containsExactly(alone);
  }

  @Test
  void aGroupIsALevelOfTheTree() {
    AsyncResult<Object> a = app.seed().succeeded("a", 1);
    AsyncResult<Object> b = app.seed().succeeded("b", 2);
    GroupResult group = app.seed().group("g-1", a, b);
    AsyncResult<Object> root = app.seed().children(group).succeeded("root", 0);

    assertThatTree(root).hasNodeCount(4).hasDepth(2).allNodesAreSuccessful();
    assertThatTree(group).hasNodeCount(3).hasDepth(1);
  }

  @Test
  void hasNodeCountFailsDrawingTheTree() {
    AsyncResult<Object> root = seededTree();

    assertThatThrownBy(() -> assertThatTree(root).hasNodeCount(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting result tree:" + NL + "  root SUCCESS 0" + NL)
        .hasMessageContaining("├── a SUCCESS 1")
        .hasMessageContaining("└── c SUCCESS 3")
        .hasMessageContaining("to have 3 nodes" + NL + "but it has 4");
  }

  @Test
  void hasDepthFailsWithBothDepths() {
    AsyncResult<Object> root = seededTree();

    assertThatThrownBy(() -> assertThatTree(root).hasDepth(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have depth 1 (edges on its longest root-to-leaf path)")
        .hasMessageContaining("but it has depth 2");
  }

  @Test
  void aDeepChainIsWalkedWithoutRecursion() {
    int depth = 20_000;
    AsyncResult<Object> node = app.seed().succeeded("n" + depth, depth);
    for (int i = depth - 1; i >= 0; i--) {
      node = app.seed().children(node).succeeded("n" + i, i);
    }
    AsyncResult<Object> root = node;

    assertThatTree(root).hasDepth(depth).hasNodeCount(depth + 1).allNodesAreSuccessful();
    assertThatTree(root).leaves().hasSize(1);
    assertThatTree(root).node("n" + depth).hasResult(depth);
    assertThatThrownBy(() -> assertThatTree(root).hasDepth(1))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("more nodes not shown")
        .hasMessageContaining("but it has depth " + depth);
  }

  @Test
  void allNodesAreSuccessfulFailsListingTheTasksThatWereNot() {
    AsyncResult<Object> a = app.seed().succeeded("a", 1);
    AsyncResult<Object> b = app.seed().failed("b", new IllegalStateException("boom"));
    AsyncResult<Object> root = app.seed().children(a, b).succeeded("root", 0);

    assertThatThrownBy(() -> assertThatTree(root).allNodesAreSuccessful())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting every task of result tree:")
        .hasMessageContaining(
            "to be successful"
                + NL
                + "but these were not:"
                + NL
                + "  b FAILURE RemoteTaskException: java.lang.IllegalStateException: boom");
  }

  @Test
  void allNodesSatisfyRunsTheRequirementsOnEveryNode() {
    AsyncResult<Object> root = seededTree();

    assertThatTree(root).allNodesSatisfy(node -> assertThat(node.ready()).isTrue());
  }

  @Test
  void allNodesSatisfyFailsListingEachNodeWithItsError() {
    AsyncResult<Object> root = seededTree();

    assertThatThrownBy(
            () ->
                assertThatTree(root).allNodesSatisfy(node -> assertThat(node.children()).isEmpty()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to satisfy the given requirements" + NL + "but these did not:")
        .hasMessageContaining("  root SUCCESS 0" + NL + "    Expecting empty but was:")
        .hasMessageContaining("  b SUCCESS 2" + NL + "    Expecting empty but was:")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("  a SUCCESS 1" + NL + "    "));
  }

  @Test
  void nodeNavigatesToATaskAnywhereInTheTree() {
    AsyncResult<Object> root = seededTree();

    assertThatTree(root).node("c").isSuccessful().hasResult(3).hasChildren(0);
    assertThatTree(root).node("root").hasChildren("a", "b");
  }

  @Test
  void nodeFailsListingTheIdsPresent() {
    AsyncResult<Object> root = seededTree();

    assertThatThrownBy(() -> assertThatTree(root).node("zz"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain a task result with id:" + NL + "  zz")
        .hasMessageContaining("but it has only these ids:" + NL + "  [root, a, b, c]");
  }

  @Test
  void nodeFailsForAGroupId() {
    AsyncResult<Object> a = app.seed().succeeded("a", 1);
    GroupResult group = app.seed().group("g-2", a);
    AsyncResult<Object> root = app.seed().children(group).succeeded("root", 0);

    assertThatThrownBy(() -> assertThatTree(root).node("g-2"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but that id is a result set:" + NL + "  <GroupResult: g-2 [a]>");
  }

  @Test
  void nodeChecksAreDescribedWithTheIdAndTheRoot() {
    AsyncResult<Object> root = seededTree();

    assertThatThrownBy(() -> assertThatTree(root).node("c").hasFailed())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("[node c of the tree under root] ");
  }

  @Test
  void collectedValuesCollectsATreeOfRealTasksByRunningTheWorker() {
    Task<String> fan =
        app.task(
            "tasks.fan",
            () -> {
              add.delay(1, 2);
              add.delay(3, 4);
              return "fanned";
            });
    AsyncResult<String> fanned = fan.delay();
    assertThat(fanned).isPending();

    assertThatTree(fanned).collectedValues().containsExactly("fanned", 3, 7);

    assertThatTree(fanned).hasNodeCount(3).hasDepth(1).allNodesAreSuccessful();
    assertThat(fanned).child(1).hasResult(7);
  }

  @Test
  void collectedValuesOfASeededTreeAreInBreadthFirstOrder() {
    assertThatTree(seededTree()).collectedValues().containsExactly(0, 1, 2, 3);
  }

  @Test
  void collectedValuesFailsWhenATaskOfTheTreeFails() {
    Task<String> fan =
        app.task(
            "tasks.fan",
            () -> {
              add.delay(1, 2);
              boom.delay();
              return "fanned";
            });
    AsyncResult<String> fanned = fan.delay();

    assertThatThrownBy(() -> assertThatTree(fanned).collectedValues())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to collect (every node's value)")
        // the worker stored the failure through the JSON serializer: its remote form
        .hasMessageContaining("but collecting raised:" + NL + "  " + STORED)
        .hasMessageContaining("FAILURE " + STORED)
        .hasCauseInstanceOf(RemoteTaskException.class);
  }

  @Test
  void collectedValuesFailsForASetRoot() {
    GroupResult group = app.seed().group("g-3", app.seed().succeeded("a", 1));

    assertThatThrownBy(() -> assertThatTree(group).collectedValues())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but its root is a result set; collect() walks from a task result");
  }

  @Test
  void aTreeWithARetriedTaskIsWalkedOnceDespiteItsSelfReference() {
    app.stub("tasks.flaky").retries(1, new IllegalStateException("flaky")).thenReturns("ok");
    AsyncResult<String> flaky = app.sendTask("tasks.flaky");
    app.worker().step();
    assertThat(flaky).isRetrying();

    assertThatTree(flaky).hasNodeCount(1).hasDepth(0);
    assertThatThrownBy(() -> assertThatTree(flaky).allNodesAreSuccessful())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RETRY RemoteTaskException: java.lang.IllegalStateException: flaky");
  }

  @Test
  void aNullRootFailsEveryCheck() {
    ResultBase none = null;

    assertThatThrownBy(() -> assertThatTree(none).hasNodeCount(0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
    assertThatThrownBy(() -> assertThatTree(none).leaves())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
