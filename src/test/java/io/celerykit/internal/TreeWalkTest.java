package io.celerykit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TreeWalkTest {

  //      a
  //    b   c
  //   d   d e      (d twice: the same node under two parents)
  private static final Map<String, List<String>> TREE =
      Map.of(
          "a", List.of("b", "c"),
          "b", List.of("d"),
          "c", List.of("d", "e"),
          "d", List.of(),
          "e", List.of());

  private static final Function<String, List<String>> CHILDREN = TREE::get;

  private static List<String> nodes(Iterator<TreeWalk.Step<String>> walk) {
    List<String> out = new ArrayList<>();
    walk.forEachRemaining(step -> out.add(step.node()));
    return out;
  }

  @Test
  void breadthFirstYieldsLevelByLevelWithParentsDepthsAndLastFlags() {
    List<TreeWalk.Step<String>> steps = new ArrayList<>();
    TreeWalk.over(CHILDREN).breadthFirst("a").forEachRemaining(steps::add);
    assertThat(steps)
        .containsExactly(
            new TreeWalk.Step<>(null, "a", 0, true),
            new TreeWalk.Step<>("a", "b", 1, false),
            new TreeWalk.Step<>("a", "c", 1, true),
            new TreeWalk.Step<>("b", "d", 2, true),
            new TreeWalk.Step<>("c", "d", 2, false),
            new TreeWalk.Step<>("c", "e", 2, true));
  }

  @Test
  void depthFirstYieldsEachNodeBeforeItsChildrenInOrder() {
    assertThat(nodes(TreeWalk.over(CHILDREN).depthFirst("a")))
        .containsExactly("a", "b", "d", "c", "d", "e");
  }

  @Test
  void distinctByYieldsEachKeyOnce() {
    assertThat(nodes(TreeWalk.over(CHILDREN).distinctBy(n -> n).breadthFirst("a")))
        .containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void childrenAreReadOnlyWhenTheWalkMovesPastANode() {
    List<String> read = new ArrayList<>();
    TreeWalk.Iteration<String> walk =
        TreeWalk.<String>over(
                n -> {
                  read.add(n);
                  return TREE.get(n);
                })
            .breadthFirst("a");
    assertThat(walk.next().node()).isEqualTo("a");
    assertThat(read).isEmpty();
    assertThat(walk.hasNext()).isTrue();
    assertThat(read).containsExactly("a");
    assertThat(walk.pending()).isEqualTo(2);
  }

  @Test
  void aChildrenFunctionThatThrowsEndsTheWalk() {
    TreeWalk.Iteration<String> walk =
        TreeWalk.<String>over(
                n -> {
                  if (n.equals("b")) {
                    throw new IllegalStateException("b is not ready");
                  }
                  return TREE.get(n);
                })
            .breadthFirst("a");
    walk.next();
    walk.next(); // b
    assertThatThrownBy(walk::hasNext).hasMessage("b is not ready");
    assertThat(walk.hasNext()).isFalse();
  }

  @Test
  void postOrderVisitsEachNodeOnceAfterItsDependencies() {
    List<String> visited = new ArrayList<>();
    TreeWalk.over(CHILDREN).postOrder("a", visited::add);
    assertThat(visited).containsExactly("d", "b", "e", "c", "a");
  }

  @Test
  void aMillionDeepChainWalksWithoutRecursion() {
    int depth = 1_000_000;
    Function<Integer, List<Integer>> next = n -> n + 1 < depth ? List.of(n + 1) : List.of();
    int[] count = {0};
    TreeWalk.over(next).breadthFirst(0).forEachRemaining(step -> count[0]++);
    assertThat(count[0]).isEqualTo(depth);
    List<Integer> visited = new ArrayList<>(depth);
    TreeWalk.over(next).postOrder(0, visited::add);
    assertThat(visited).hasSize(depth);
    assertThat(visited.get(0)).as("the deepest node first").isEqualTo(depth - 1);
    assertThat(visited.get(depth - 1)).as("the root last").isZero();
  }
}
