package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.graph.DependencyGraph;
import io.celerykit.result.Fixtures.KeyError;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Structures 100,000 results deep go through every tree operation without {@link
 * StackOverflowError}: a parent chain (a chain's steps), a children chain (tasks calling tasks) and
 * nested groups.
 *
 * <p>Deep structures are compared through {@link ResultTuple#equals}, which is iterative; their
 * {@code toString} and the {@code equals} of nested lists or groups are recursive and are not used
 * here.
 */
@Timeout(10)
class DeepTreeTest {

  private static final int DEPTH = 100_000;
  private static final String LAST = "c" + (DEPTH - 1);

  private InMemoryCelery app;

  @BeforeEach
  void setUp() {
    app = InMemoryCelery.create();
  }

  private static int depthOf(ResultTuple tuple) {
    int depth = 0;
    for (ResultTuple t = tuple; t != null; t = t.parent()) {
      depth++;
    }
    return depth;
  }

  private static int depthOf(ResultBase result) {
    int depth = 0;
    for (ResultBase r = result; r != null; r = r.parent()) {
      depth++;
    }
    return depth;
  }

  @Nested
  class ParentChain {

    /** c0 <- c1 <- ... <- c99999: the last step of a chain of DEPTH tasks. */
    private AsyncResult<Object> leaf;

    @BeforeEach
    void chain() {
      AsyncResult<Object> node = null;
      for (int i = 0; i < DEPTH; i++) {
        node = new AsyncResult<>("c" + i, app, node);
      }
      leaf = node;
    }

    private void storeAll() {
      for (int i = 0; i < DEPTH; i++) {
        app.backend().store(TaskMeta.success("c" + i, i));
      }
    }

    @Test
    void asTupleOfADeepChain() {
      ResultTuple t = leaf.asTuple();
      assertThat(t.id()).isEqualTo(LAST);
      assertThat(depthOf(t)).isEqualTo(DEPTH);
    }

    @Test
    void toResultOfADeepChain() {
      ResultTuple t = leaf.asTuple();
      ResultBase back = ResultTuple.toResult(t, app);
      assertThat(back).isEqualTo(leaf);
      assertThat(depthOf(back)).isEqualTo(DEPTH);
      assertThat(((AsyncResult<?>) back).asTuple().equals(t)).isTrue();
    }

    @Test
    void fromListOfToListOfADeepChain() {
      ResultTuple t = leaf.asTuple();
      ResultTuple again = ResultTuple.fromList(t.toList());
      assertThat(again.equals(t)).isTrue();
      assertThat(again.hashCode()).isEqualTo(t.hashCode());
      assertThat(depthOf(again)).isEqualTo(DEPTH);
    }

    @Test
    void deepTuplesThatDifferAtTheRootAreNotEqual() {
      ResultTuple t = leaf.asTuple();
      ResultTuple other = null;
      for (int i = 0; i < DEPTH; i++) {
        other = ResultTuple.of(i == 0 ? "different-root" : "c" + i, other);
      }
      assertThat(t.equals(other)).isFalse();
    }

    @Test
    void asListOfADeepChain() {
      List<String> ids = leaf.asList();
      assertThat(ids).hasSize(DEPTH);
      assertThat(ids.get(0)).isEqualTo(LAST);
      assertThat(ids.get(DEPTH - 1)).isEqualTo("c0");
    }

    @Test
    void forgetOfADeepChain() {
      storeAll();
      app.backend().store(TaskMeta.success("unrelated", 0));
      leaf.forget();
      assertThat(app.backend().taskIds()).containsExactly("unrelated");
    }

    @Test
    void getOfADeepChainChecksEveryParent() {
      storeAll();
      assertThat(leaf.get()).isEqualTo(DEPTH - 1);
      // GIVEN the root failed, seen through fresh (uncached) results of the same chain
      KeyError rootError = new KeyError("root failed");
      app.backend().forget("c0"); // a stored SUCCESS is final (Celery's _store_result)
      app.backend().store(TaskMeta.failure("c0", rootError));
      AsyncResult<?> fresh = (AsyncResult<?>) ResultTuple.toResult(leaf.asTuple(), app);
      // THEN the root's error is raised from the other end of the chain
      assertThatThrownBy(fresh::get).isSameAs(rootError);
    }
  }

  @Nested
  class ChildrenChain {

    /** n0 -> n1 -> ... -> n99999 through stored children links. */
    private AsyncResult<Object> root;

    @BeforeEach
    void tree() {
      for (int i = 0; i < DEPTH - 1; i++) {
        app.backend()
            .store(
                TaskMeta.builder("n" + i, TaskState.SUCCESS)
                    .result(i)
                    .children(List.of(ResultTuple.of("n" + (i + 1), null)))
                    .build());
      }
      app.backend().store(TaskMeta.success("n" + (DEPTH - 1), DEPTH - 1));
      root = app.asyncResult("n0");
    }

    @Test
    void iterdepsOfADeepTree() {
      AtomicInteger count = new AtomicInteger();
      AtomicReference<ResultEdge> last = new AtomicReference<>();
      root.iterdeps()
          .forEach(
              edge -> {
                count.incrementAndGet();
                last.set(edge);
              });
      assertThat(count.get()).isEqualTo(DEPTH);
      assertThat(last.get().result()).isEqualTo(app.asyncResult("n" + (DEPTH - 1)));
      assertThat(last.get().parent()).isEqualTo(app.asyncResult("n" + (DEPTH - 2)));
    }

    @Test
    void collectOfADeepTree() {
      Iterator<CollectedValue> it = root.collect().iterator();
      long sum = 0;
      int count = 0;
      while (it.hasNext()) {
        sum += (Integer) it.next().value();
        count++;
      }
      assertThat(count).isEqualTo(DEPTH);
      assertThat(sum).isEqualTo((long) DEPTH * (DEPTH - 1) / 2);
    }

    @Test
    void getLeafOfADeepTree() {
      assertThat(root.getLeaf()).isEqualTo(DEPTH - 1);
    }

    @Test
    void buildGraphOfADeepTree() {
      DependencyGraph<ResultBase> graph = root.buildGraph(false, null);
      assertThat(graph.size()).isEqualTo(DEPTH);
      assertThat(graph.adjacent(root)).containsExactly(app.asyncResult("n1"));
      assertThat(graph.adjacent(app.asyncResult("n" + (DEPTH - 1)))).isEmpty();
    }

    @Test
    void iterdepsOfADeepTreeStopsAtTheFirstNodeNotReady() {
      app.backend().store(TaskMeta.pending("n" + (DEPTH / 2)));
      app.backend().forget("n" + (DEPTH / 2));
      AtomicInteger count = new AtomicInteger();
      assertThatThrownBy(() -> root.iterdeps().forEach(edge -> count.incrementAndGet()))
          .isInstanceOf(IncompleteStreamException.class)
          .hasMessageContaining("n" + (DEPTH / 2));
      assertThat(count.get()).isEqualTo(DEPTH / 2 + 1);
    }

    @Test
    void collectOfADeepTreeCompletingInVirtualTime() {
      // the last node completes one virtual second later
      String last = "n" + (DEPTH - 1);
      app.backend().forget(last);
      app.clock()
          .schedule(Duration.ofSeconds(1), () -> app.backend().store(TaskMeta.success(last, -1)));
      assertThat(root.collect(false, GetOptions.defaults().timeout(Duration.ofSeconds(5))).count())
          .isEqualTo(DEPTH);
      assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Nested
  class NestedGroups {

    /** g99999 holds g99998 ... holds g0, which holds the task "leaf"; each has a parent task. */
    private GroupResult outer;

    @BeforeEach
    void groups() {
      GroupResult group = new GroupResult("g0", List.of(app.asyncResult("leaf")), app);
      for (int i = 1; i < DEPTH; i++) {
        group = new GroupResult("g" + i, List.of(group), app.asyncResult("p" + i), app);
      }
      outer = group;
    }

    private int nestingOf(ResultTuple tuple) {
      int depth = 0;
      for (ResultTuple t = tuple; t.isGroup(); t = t.members().get(0)) {
        depth++;
      }
      return depth;
    }

    @Test
    void asTupleOfDeeplyNestedGroups() {
      ResultTuple t = outer.asTuple();
      assertThat(nestingOf(t)).isEqualTo(DEPTH);
      assertThat(t.parent()).isEqualTo(ResultTuple.of("p" + (DEPTH - 1), null));
    }

    @Test
    void toResultOfDeeplyNestedGroups() {
      ResultTuple t = outer.asTuple();
      GroupResult back = (GroupResult) ResultTuple.toResult(t, app);
      assertThat(back.id()).isEqualTo(outer.id());
      assertThat(back.parent()).isEqualTo(app.asyncResult("p" + (DEPTH - 1)));
      assertThat(back.asTuple().equals(t)).isTrue();
    }

    @Test
    void fromListOfToListOfDeeplyNestedGroups() {
      ResultTuple t = outer.asTuple();
      ResultTuple again = ResultTuple.fromList(t.toList());
      assertThat(again.equals(t)).isTrue();
      assertThat(nestingOf(again)).isEqualTo(DEPTH);
    }

    @Test
    void forgetOfDeeplyNestedGroups() {
      app.backend().store(TaskMeta.success("leaf", 1));
      app.backend().store(TaskMeta.success("p1", 1));
      outer.forget();
      // members are forgotten; a group's own parent is not (as in Celery)
      assertThat(app.backend().taskIds()).containsExactly("p1");
    }
  }
}
