package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.celerykit.app.InMemoryCelery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ResultTuple}: {@code as_tuple} and {@code result_from_tuple}, after Celery's {@code
 * test_result.py::test_tuples}.
 */
class ResultTupleTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  private AsyncResult<Object> result(String id) {
    return app.asyncResult(id);
  }

  private List<ResultBase> results(String prefix, int count) {
    List<ResultBase> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(result(prefix + i));
    }
    return out;
  }

  /** A list that may hold nulls, as JSON arrays do. */
  private static List<Object> list(Object... items) {
    return Arrays.asList(items);
  }

  // ------------------------------------------------------------------ toResult

  @Test
  void asyncResultRoundTrips() {
    AsyncResult<Object> x = result("x");
    ResultBase y = ResultTuple.toResult(x.asTuple(), app);
    assertThat(y).isInstanceOf(AsyncResult.class).isEqualTo(x);
    assertThat(y.parent()).isNull();
    assertThat(y.app()).isSameAs(app);
  }

  @Test
  void asyncResultWithParentRoundTrips() {
    AsyncResult<Object> x = new AsyncResult<>("x", app, result("p"));
    ResultBase y = ResultTuple.toResult(x.asTuple(), app);
    assertThat(y).isEqualTo(x);
    assertThat(y.parent()).isEqualTo(x.parent()).isInstanceOf(AsyncResult.class);
  }

  @Test
  void groupResultRoundTrips() {
    GroupResult x = new GroupResult("g", results("m", 10), app);
    ResultBase y = ResultTuple.toResult(x.asTuple(), app);
    assertThat(y).isInstanceOf(GroupResult.class).isEqualTo(x);
    assertThat(((GroupResult) y).results()).isEqualTo(x.results());
  }

  @Test
  void groupResultWithParentRoundTrips() {
    AsyncResult<Object> parent = result("parent");
    GroupResult x = new GroupResult("g", results("m", 10), parent, app);
    ResultBase y = ResultTuple.toResult(x.asTuple(), app);
    assertThat(y).isEqualTo(x);
    assertThat(y.parent()).isEqualTo(parent);
  }

  @Test
  void nestedGroupsAndChainsRoundTrip() {
    GroupResult inner = new GroupResult("inner", List.of(result("i1"), result("i2")), app);
    AsyncResult<Object> step = new AsyncResult<>("step", app, inner);
    GroupResult outer = new GroupResult("outer", List.of(step, result("o2")), result("root"), app);
    ResultTuple t = outer.asTuple();
    GroupResult back = (GroupResult) ResultTuple.toResult(t, app);
    assertThat(back.asTuple()).isEqualTo(t);
    assertThat(back.member(0).parent()).isInstanceOf(GroupResult.class).isEqualTo(inner);
  }

  @Test
  void groupWithAChainParentRoundTripsBothWays() {
    AsyncResult<Object> first = result("first");
    AsyncResult<Object> second = new AsyncResult<>("second", app, first);
    GroupResult x = new GroupResult("g", results("m", 3), second, app);
    ResultTuple t = x.asTuple();
    assertThat(t.toList())
        .isEqualTo(
            List.of(
                Arrays.asList(
                    "g",
                    Arrays.asList(
                        Arrays.asList("second", Arrays.asList(Arrays.asList("first", null), null)),
                        null)),
                List.of(
                    Arrays.asList(Arrays.asList("m0", null), null),
                    Arrays.asList(Arrays.asList("m1", null), null),
                    Arrays.asList(Arrays.asList("m2", null), null))));
    GroupResult back = (GroupResult) ResultTuple.toResult(t, app);
    assertThat(back.parent()).isEqualTo(second);
    assertThat(back.parent().parent()).isEqualTo(first);
    assertThat(back.results()).isEqualTo(x.results());
  }

  @Test
  void groupWhoseParentIsAGroupRoundTrips() {
    GroupResult before = new GroupResult("before", results("b", 2), app);
    GroupResult x = new GroupResult("g", results("m", 2), before, app);
    GroupResult back = (GroupResult) ResultTuple.toResult(x.asTuple(), app);
    assertThat(back.parent()).isInstanceOf(GroupResult.class).isEqualTo(before);
    assertThat(back.asTuple()).isEqualTo(x.asTuple());
  }

  @Test
  void sharedParentIsBuiltOnce() {
    ResultTuple parent = ResultTuple.of("p", null);
    ResultTuple g =
        ResultTuple.group(
            "g", null, List.of(ResultTuple.of("a", parent), ResultTuple.of("b", parent)));
    GroupResult back = (GroupResult) ResultTuple.toResult(g, app);
    assertThat(back.member(0).parent()).isSameAs(back.member(1).parent());
  }

  @Test
  void toResultRequiresTupleAndApp() {
    assertThatThrownBy(() -> ResultTuple.toResult(null, app))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ResultTuple.toResult(ResultTuple.of("a", null), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("app");
  }

  // ------------------------------------------------------------------ shape

  @Test
  void taskTupleHasNoMembersAndGroupTupleHasAList() {
    ResultTuple task = ResultTuple.of("t", null);
    ResultTuple group = ResultTuple.group("g", task, List.of());
    assertThat(task.isGroup()).isFalse();
    assertThat(task.members()).isNull();
    assertThat(group.isGroup()).isTrue();
    assertThat(group.members()).isEmpty();
    assertThat(group.parent()).isSameAs(task);
    assertThat(group.id()).isEqualTo("g");
  }

  @Test
  void toListIsTheJsonShape() {
    ResultTuple t = ResultTuple.of("c3", ResultTuple.of("c2", null));
    assertThat(t.toList()).isEqualTo(list(list("c3", list(list("c2", null), null)), null));
    ResultTuple g = ResultTuple.group("g", null, List.of(ResultTuple.of("m", null)));
    assertThat(g.toList()).isEqualTo(list(list("g", null), List.of(list(list("m", null), null))));
  }

  @Test
  void toStringIsPythonsRepr() {
    assertThat(ResultTuple.of("c3", ResultTuple.of("c2", null)).toString())
        .isEqualTo("(('c3', (('c2', None), None)), None)");
    assertThat(ResultTuple.group("g", null, List.of()).toString()).isEqualTo("(('g', None), [])");
  }

  @Test
  void equalityIsStructural() {
    ResultTuple a = ResultTuple.of("a", ResultTuple.of("p", null));
    ResultTuple same = ResultTuple.of("a", ResultTuple.of("p", null));
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(ResultTuple.of("a", ResultTuple.of("q", null)));
    assertThat(a).isNotEqualTo(ResultTuple.of("a", null));
    assertThat(ResultTuple.of("g", null)).isNotEqualTo(ResultTuple.group("g", null, List.of()));
    assertThat(ResultTuple.group("g", null, List.of(a)))
        .isNotEqualTo(ResultTuple.group("g", null, List.of(a, a)));
    assertThat(a.equals("a")).isFalse();
  }

  @Test
  void membersAreCopied() {
    List<ResultTuple> members = new ArrayList<>(List.of(ResultTuple.of("m", null)));
    ResultTuple g = ResultTuple.group("g", null, members);
    members.clear();
    assertThat(g.members()).hasSize(1);
    assertThatThrownBy(() -> g.members().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsNullOrBlankIdNamingIt() {
    assertThatThrownBy(() -> ResultTuple.of(null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result tuple id")
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> ResultTuple.of("\t", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got \"\t\"");
    assertThatThrownBy(() -> ResultTuple.group("g", null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("members");
  }

  // ------------------------------------------------------------------ fromList

  @Test
  void fromListReadsToListBack() {
    GroupResult g =
        new GroupResult(
            "g",
            List.of(new AsyncResult<>("m1", app, result("p1")), result("m2")),
            result("gp"),
            app);
    ResultTuple t = g.asTuple();
    assertThat(ResultTuple.fromList(t.toList())).isEqualTo(t);
  }

  @Test
  void fromListReadsABareIdWithEmptyMembersAsAGroup() {
    // Celery's test_compat: result_from_tuple([uid, []]).id == uid
    ResultTuple t = ResultTuple.fromList(list("uid", List.of()));
    assertThat(t).isEqualTo(ResultTuple.group("uid", null, List.of()));
    ResultBase x = ResultTuple.toResult(t, app);
    assertThat(x).isInstanceOf(GroupResult.class);
    assertThat(((GroupResult) x).id()).isEqualTo("uid");
  }

  @Test
  void fromListReadsABareIdWithNullAsATaskResult() {
    assertThat(ResultTuple.fromList(list("a", null))).isEqualTo(ResultTuple.of("a", null));
  }

  @Test
  void fromListAcceptsABareParentAndBareMembers() {
    assertThat(ResultTuple.fromList(list(list("a", list("p", null)), null)))
        .isEqualTo(ResultTuple.of("a", ResultTuple.of("p", null)));
    assertThat(
            ResultTuple.fromList(
                list(list("g", null), list(list("m1", null), list(list("m2", null), null)))))
        .isEqualTo(
            ResultTuple.group(
                "g", null, List.of(ResultTuple.of("m1", null), ResultTuple.of("m2", null))));
  }

  @Test
  void fromListTreatsAFalsyParentAsNone() {
    // Celery's result_from_tuple: `if parent: parent = result_from_tuple(parent, app)`
    for (Object falsy : list(null, List.of(), "", 0, 0.0, false, Map.of(), new Object[0])) {
      assertThat(ResultTuple.fromList(list(list("a", falsy), null)))
          .as("parent %s", falsy)
          .isEqualTo(ResultTuple.of("a", null));
    }
  }

  @Test
  void fromListReadsNumericIdsAsText() {
    assertThat(ResultTuple.fromList(list(list(7, null), null)))
        .isEqualTo(ResultTuple.of("7", null));
  }

  @Test
  void fromListReadsArrays() {
    Object raw = new Object[] {new Object[] {"a", new Object[] {"p", null}}, null};
    assertThat(ResultTuple.fromList(raw)).isEqualTo(ResultTuple.of("a", ResultTuple.of("p", null)));
  }

  static Stream<Arguments> malformedTuples() {
    return Stream.of(
        arguments(list("a"), "got 1 in [a]"),
        arguments(list(list("a"), null), "got 1 in [a]"),
        arguments(list(list("a", null, "x"), null), "got 3 in [a, null, x]"),
        arguments(null, "got null"),
        arguments(42, "got 42"),
        arguments(list(list("g", null), list("m1")), "got \"m1\""),
        arguments(list(list(null, null), null), "expected a task id string, got null"),
        arguments(Map.of("a", 1), "got {a=1}"),
        arguments(list(list("g", null), "m1"), "got \"m1\""));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("malformedTuples")
  void fromListRejectsAMalformedTupleNamingTheBadPart(Object raw, String namesIt) {
    assertThatThrownBy(() -> ResultTuple.fromList(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed result tuple")
        .hasMessageContaining(namesIt);
  }

  @Test
  void fromListRejectsABlankIdNamingIt() {
    assertThatThrownBy(() -> ResultTuple.fromList(list(list("", null), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id at tuple[0][0]")
        .hasMessageContaining("got \"\"");
  }

  @Test
  void fromListSaysWhereTheMalformedPartIs() {
    assertThatThrownBy(
            () -> ResultTuple.fromList(list(list("g", null), list(list("m1", null), "m2"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at tuple[1][1]");
    assertThatThrownBy(
            () -> ResultTuple.fromList(list(list("a", list(list(null, null), null)), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at tuple[0][1][0][0]");
  }
}
