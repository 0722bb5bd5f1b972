package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.CollectedValue;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultEdge;
import io.celerykit.result.ResultTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The example of Celery's {@code AsyncResult.collect()} reference, task for task:
 *
 * <pre>
 * &#64;app.task(bind=True)
 * def A(self, how_many):
 *     return group(B.s(i) for i in range(how_many))()
 *
 * &#64;app.task()
 * def B(i):
 *     return pow2.delay(i)
 *
 * &#64;app.task()
 * def pow2(i):
 *     return i ** 2
 *
 * &gt;&gt;&gt; [v for R, v in result.collect() if not isinstance(v, (ResultBase, tuple))]
 * [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
 * </pre>
 *
 * <p>Values stay Java objects: A's value is the {@link GroupResult}, B's an {@link AsyncResult},
 * and the group's joined value is a list of those.
 */
class CollectExampleTest {

  private static final String BASE =
      "shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\"";
  private static final String NODE = BASE + ", fillcolor=\"palegreen3\", color=\"palegreen4\"";
  private static final String TERM = BASE + ", fillcolor=\"palegreen1\", color=\"palegreen2\"";
  private static final String EDGE =
      BASE + ", color=\"darkseagreen4\", arrowcolor=\"black\", arrowsize=\"0.7\"";

  /** The example's app and its three tasks. */
  private static final class Example {
    // Values kept as Java objects, as with Celery's pickle serializer.
    final InMemoryCelery app =
        InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));
    final Task<Integer> pow2 = app.task("tasks.pow2", (Integer i) -> i * i);
    final Task<AsyncResult<Integer>> b = app.task("tasks.B", (Integer i) -> pow2.delay(i));
    final Task<GroupResult> a =
        app.boundTask(
            "tasks.A",
            self -> {
              int howMany = (Integer) self.args().get(0);
              List<Signature> sigs = IntStream.range(0, howMany).mapToObj(i -> b.s(i)).toList();
              return Canvas.group(sigs).applyAsync();
            });
  }

  private static List<Object> plainValues(AsyncResult<?> result) {
    return result
        .collect()
        .map(CollectedValue::value)
        .filter(v -> !(v instanceof ResultBase) && !(v instanceof List))
        .toList();
  }

  private static String idOf(ResultBase r) {
    return r instanceof GroupResult g ? g.id() : ((AsyncResult<?>) r).id();
  }

  @Test
  void withCelerysDefaultJsonSerializerTheValuesAreNestedListsAsRealCeleryStoresThem() {
    // GIVEN the same three tasks on an app with Celery's default result serializer (json)
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> pow2 = app.task("tasks.pow2", (Integer i) -> i * i);
    Task<AsyncResult<Integer>> b = app.task("tasks.B", (Integer i) -> pow2.delay(i));
    Task<Object> a =
        app.boundTask(
            "tasks.A",
            self -> {
              int howMany = (Integer) self.args().get(0);
              return Canvas.group(IntStream.range(0, howMany).mapToObj(i -> b.s(i)).toList())
                  .applyAsync();
            });

    // WHEN A(10) runs and its tree is collected
    AsyncResult<Object> result = a.delay(10);
    List<CollectedValue> collected = result.collect().toList();

    // THEN A's value is the group's tuple as lists, each B's value its pow2 result's tuple
    GroupResult group = (GroupResult) result.children().get(0);
    assertThat(collected.get(0).value()).isEqualTo(group.asTuple().toList());
    AsyncResult<?> firstB = (AsyncResult<?>) group.member(0);
    assertThat(firstB.result())
        .isEqualTo(((AsyncResult<?>) firstB.children().get(0)).asTuple().toList());
    // ... and filtering out results and lists still gives the squares
    assertThat(plainValues(result)).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
  }

  @Test
  void collectYieldsThePow2ValuesOnceTheOtherResultsAreFilteredOut() {
    Example ex = new Example();
    AsyncResult<GroupResult> result = ex.a.delay(10);

    assertThat(plainValues(result)).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81);
  }

  @Test
  void collectYieldsEveryNodeWithItsJavaValue() {
    Example ex = new Example();
    AsyncResult<GroupResult> result = ex.a.delay(10);
    List<CollectedValue> collected = result.collect().toList();
    GroupResult group = result.get();

    assertThat(collected).hasSize(22);
    assertThat(collected.get(0).result()).isEqualTo(result);
    assertThat(collected.get(0).value()).isEqualTo(group);
    assertThat(collected.get(1).result()).isEqualTo(group);
    assertThat(collected.get(1).value()).isEqualTo(group.join());
    assertThat(collected.get(2).value()).isInstanceOf(AsyncResult.class);
    assertThat(((AsyncResult<?>) collected.get(2).value()).get()).isEqualTo(0);
  }

  @Test
  void iterdepsWalksBreadthFirstFromAThroughTheGroupToEveryBAndPow2() {
    Example ex = new Example();
    AsyncResult<GroupResult> result = ex.a.delay(10);
    GroupResult group = result.get();
    List<String> bs = new ArrayList<>();
    List<String> pows = new ArrayList<>();
    for (ResultBase member : group) {
      bs.add(idOf(member));
      pows.add(((AsyncResult<?>) ((AsyncResult<?>) member).get()).id());
    }
    ex.app.worker().runUntilIdle();

    List<ResultEdge> edges = result.iterdeps().toList();
    List<String> order = new ArrayList<>();
    order.add(result.id());
    order.add(group.id());
    order.addAll(bs);
    order.addAll(pows);
    assertThat(edges.stream().map(e -> idOf(e.result())).toList()).isEqualTo(order);
    assertThat(edges.get(0).parent()).isNull();
    assertThat(edges.get(1).parent()).isEqualTo(result);
    assertThat(edges.get(2).parent()).isEqualTo(group);
    assertThat(edges.get(12).parent()).isEqualTo(group.member(0));
    assertThat(ex.app.backend().getTaskMeta(result.id()).children())
        .containsExactly(
            ResultTuple.group(
                group.id(), null, bs.stream().map(id -> ResultTuple.of(id, null)).toList()));
  }

  @Test
  void getLeafIsTheValueOfTheLastNode() {
    Example ex = new Example();

    assertThat(ex.a.delay(10).getLeaf()).isEqualTo(81);
  }

  @Test
  void buildGraphPrintsCeleryDotTextForTheTree() {
    Example ex = new Example();
    AsyncResult<GroupResult> result = ex.a.delay(10);
    GroupResult group = result.get();
    List<String> bs = new ArrayList<>();
    List<String> pows = new ArrayList<>();
    for (ResultBase member : group) {
      bs.add(idOf(member));
      pows.add(((AsyncResult<?>) ((AsyncResult<?>) member).get()).id());
    }
    ex.app.worker().runUntilIdle();

    StringBuilder want = new StringBuilder();
    want.append("digraph dependencies {\n");
    want.append("    graph [")
        .append(BASE)
        .append(", bgcolor=\"mintcream\", root=\"")
        .append(result.id())
        .append("\"]\n");
    node(want, result.id());
    edge(want, result.id(), group.id());
    node(want, group.id());
    for (String b : bs) {
      edge(want, group.id(), b);
    }
    for (int i = 0; i < 10; i++) {
      node(want, bs.get(i));
      edge(want, bs.get(i), pows.get(i));
    }
    for (String p : pows) {
      want.append("    \"").append(p).append("\" [").append(TERM).append("]\n");
    }
    want.append("}\n");

    assertThat(result.buildGraph(false, null).toDot()).isEqualTo(want.toString());
  }

  private static void node(StringBuilder out, String id) {
    out.append("    \"").append(id).append("\" [").append(NODE).append("]\n");
  }

  private static void edge(StringBuilder out, String from, String to) {
    out.append("    \"")
        .append(from)
        .append("\" -> \"")
        .append(to)
        .append("\" [")
        .append(EDGE)
        .append("]\n");
  }

  @Test
  void theSameExampleWithTenThousandBTasksCompletes() {
    Example ex = new Example();
    AsyncResult<GroupResult> result = ex.a.delay(10_000);

    List<Object> values = plainValues(result);
    assertThat(values).hasSize(10_000);
    assertThat(values.get(0)).isEqualTo(0);
    assertThat(values.get(9_999)).isEqualTo(9_999 * 9_999);
    assertThat(values.stream().mapToLong(v -> (Integer) v).sum())
        .isEqualTo(IntStream.range(0, 10_000).mapToLong(i -> (long) i * i).sum());
    assertThat(ex.app.worker().executed()).isEqualTo(20_001);
  }
}
