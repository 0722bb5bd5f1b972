package io.celerykit.result;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.backend.InMemoryBackend;
import io.celerykit.result.Fixtures.KeyError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GroupResult}, after Celery's {@code test_result.py::test_GroupResult}. */
class GroupResultTest {

  private static final int SIZE = 10;

  private InMemoryCelery app;
  private GroupResult ts;

  @BeforeEach
  void setUp() {
    app = InMemoryCelery.create();
    ts = new GroupResult("ts", makeMockGroup(SIZE), app);
  }

  /** Celery's make_mock_group: {@code size} results that succeeded with 0..size-1. */
  private List<ResultBase> makeMockGroup(int size) {
    List<ResultBase> results = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      app.backend().store(TaskMeta.success("ts" + i, i));
      results.add(result("ts" + i));
    }
    return results;
  }

  private AsyncResult<Object> result(String id) {
    return app.asyncResult(id);
  }

  private GroupResult group(String id, ResultBase... members) {
    return new GroupResult(id, List.of(members), app);
  }

  @Test
  void rejectsNullOrBlankIdNamingIt() {
    assertThatThrownBy(() -> new GroupResult(null, List.of(), app))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GroupResult id")
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> new GroupResult("", List.of(), app))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got \"\"");
  }

  @Test
  void lenIsTheNumberOfMembers() {
    assertThat(ts.size()).isEqualTo(SIZE);
  }

  @Test
  void groupsWithSameIdMembersAndParentAreEqual() {
    GroupResult a = group("g1", result("m1"));
    GroupResult sameIdAndMembers = new GroupResult("g1", a.results(), app);
    GroupResult otherId = group("g2", result("m1"));
    GroupResult otherMembers = group("g1", result("m2"));
    assertThat(a).isEqualTo(sameIdAndMembers).hasSameHashCodeAs(sameIdAndMembers);
    assertThat(a).isNotEqualTo(otherId).isNotEqualTo(otherMembers);
    assertThat(a.equals(new Object())).isFalse();
    assertThat(a.equals(1)).isFalse();
  }

  @Test
  void groupsWithDifferentParentsAreNotEqual() {
    List<ResultBase> members = List.of(result("m1"), result("m2"));
    GroupResult withParent = new GroupResult("g", members, result("p1"), app);
    assertThat(withParent).isNotEqualTo(new GroupResult("g", members, app));
    assertThat(withParent).isNotEqualTo(new GroupResult("g", members, result("p2"), app));
    assertThat(withParent).isEqualTo(new GroupResult("g", members, result("p1"), app));
  }

  @Test
  void hashIsTheHashOfTheId() {
    assertThat(ts.hashCode()).isEqualTo("ts".hashCode());
    assertThat(group("ts").hashCode()).isEqualTo(ts.hashCode());
  }

  @Test
  void strIsTheIdAndReprListsTheMembers() {
    GroupResult g = group("g1", result("a"), result("b"));
    assertThat(g.toString()).isEqualTo("g1");
    assertThat(g.repr()).isEqualTo("<GroupResult: g1 [a, b]>");
    assertThat(group("empty").repr()).isEqualTo("<GroupResult: empty []>");
  }

  @Test
  void memberAtIndexIsTheSameObject() {
    AsyncResult<Object> first = result("s1");
    GroupResult g = group("g", first, result("s2"));
    assertThat(g.member(0)).isSameAs(first);
  }

  @Test
  void iterationYieldsTheResults() {
    assertThat(ts).containsExactlyElementsOf(ts.results());
  }

  @Test
  void childrenAreTheResults() {
    GroupResult g = group("g", result("a"));
    assertThat(g.children()).isEqualTo(g.results()).containsExactly(result("a"));
  }

  @Test
  void saveRestoreDeleteRoundTrip() {
    // GIVEN a saved group
    GroupResult g = new GroupResult("saved", List.of(result("s1"), result("s2")), result("p"), app);
    assertThat(g.save()).isSameAs(g);
    // WHEN restoring it THEN members and parent come back
    GroupResult restored = GroupResult.restore("saved", app);
    assertThat(restored).isEqualTo(g);
    assertThat(restored.results()).isEqualTo(g.results());
    assertThat(restored.parent()).isEqualTo(result("p"));
    assertThat(restored.app()).isSameAs(app);
    // WHEN deleting it THEN it can no longer be restored
    g.delete();
    assertThatThrownBy(() -> GroupResult.restore("saved", app))
        .isInstanceOf(GroupNotFoundException.class)
        .hasMessageContaining("saved")
        .hasMessageContaining("save()");
  }

  @Test
  void saveAndRestoreWithAnotherBackend() {
    InMemoryBackend other = new InMemoryBackend(app.clock());
    GroupResult g = group("g", result("a"));
    g.save(other);
    assertThat(GroupResult.restore("g", other, app)).isEqualTo(g);
    assertThatThrownBy(() -> GroupResult.restore("g", app))
        .isInstanceOf(GroupNotFoundException.class);
    g.delete(other);
    assertThatThrownBy(() -> GroupResult.restore("g", other, app))
        .isInstanceOf(GroupNotFoundException.class);
  }

  @Test
  void saveAndRestoreAnEmptyGroup() {
    GroupResult g = group("empty");
    g.save();
    GroupResult restored = GroupResult.restore("empty", app);
    assertThat(restored).isInstanceOf(GroupResult.class);
    assertThat(restored.results()).isEqualTo(g.results()).hasSize(0);
  }

  @Test
  void restoreOfAnUnknownIdSaysToSaveFirst() {
    assertThatThrownBy(() -> GroupResult.restore("never-saved", app))
        .isInstanceOf(GroupNotFoundException.class)
        .hasMessageContaining("never-saved")
        .hasMessageContaining("call save() on the GroupResult first");
  }

  @Test
  void restoreRejectsBlankIdNamingIt() {
    assertThatThrownBy(() -> GroupResult.restore(" ", app))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\" \"");
  }

  @Test
  void restoredMembersBelongToTheGivenApp() {
    group("g", result("a")).save();
    GroupResult restored = GroupResult.restore("g", app);
    assertThat(restored.id()).isEqualTo("g");
    assertThat(restored.member(0).app()).isSameAs(app);
  }

  @Test
  void deleteOfAGroupNeverSavedIsIgnored() {
    GroupResult g = group("never-saved");
    g.delete();
    assertThatThrownBy(() -> GroupResult.restore("never-saved", app))
        .isInstanceOf(GroupNotFoundException.class);
  }

  @Test
  void asTupleHoldsIdParentAndMemberTuples() {
    // Celery's test_GroupResult_as_tuple
    AsyncResult<Object> parent = result("parent");
    GroupResult g =
        new GroupResult(
            "group-result-1",
            List.of(result("async-result-0"), result("async-result-1")),
            parent,
            app);
    ResultTuple t = g.asTuple();
    assertThat(t.id()).isEqualTo("group-result-1");
    assertThat(t.parent()).isEqualTo(parent.asTuple());
    assertThat(t.parent().id()).isEqualTo("parent");
    assertThat(t.isGroup()).isTrue();
    assertThat(t.members())
        .containsExactly(
            ResultTuple.of("async-result-0", null), ResultTuple.of("async-result-1", null));
    assertThat(t.toString())
        .isEqualTo(
            "(('group-result-1', (('parent', None), None)),"
                + " [(('async-result-0', None), None), (('async-result-1', None), None)])");
  }

  @Test
  void joinReturnsTheValuesInOrder() {
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < SIZE; i++) {
      expected.add(i);
    }
    assertThat(ts.join()).isEqualTo(expected);
    assertThat(ts.joinNative(GetOptions.defaults())).isEqualTo(expected);
    assertThat(ts.get()).isEqualTo(expected);
  }

  @Test
  void joinNativeCallbackGetsEachMember() {
    List<String> ids = new ArrayList<>();
    assertThat(ts.joinNative(GetOptions.defaults().callback((id, v) -> ids.add(id)))).isEmpty();
    assertThat(ids)
        .hasSize(SIZE)
        .containsExactlyInAnyOrder(
            ts.results().stream().map(ResultSet::idOf).toArray(String[]::new));
  }

  @Test
  void iterNativeYieldsEveryMember() {
    List<TaskMeta> metas = new ArrayList<>();
    ts.iterNative(GetOptions.defaults()).forEachRemaining(metas::add);
    assertThat(metas).hasSize(SIZE).allMatch(TaskMeta::isReady);
  }

  @Test
  void iterNativeOfAnEmptyGroupYieldsNothing() {
    assertThat(group("empty").iterNative(GetOptions.defaults()).hasNext()).isFalse();
  }

  @Test
  void allSucceededGroupPredicates() {
    assertThat(ts.successful()).isTrue();
    assertThat(ts.failed()).isFalse();
    assertThat(ts.waiting()).isFalse();
    assertThat(ts.ready()).isTrue();
    assertThat(ts.completedCount()).isEqualTo(ts.size());
  }

  @Test
  void pendingGroupPredicatesAndJoinTimesOut() {
    GroupResult pending = group("pending", result("p1"), result("p2"));
    assertThat(pending.completedCount()).isZero();
    assertThat(pending.ready()).isFalse();
    assertThat(pending.waiting()).isTrue();
    assertThatThrownBy(() -> pending.join(Duration.ofMillis(1)))
        .isInstanceOf(ResultTimeoutException.class);
    assertThatThrownBy(() -> pending.join(ofSeconds(1))).isInstanceOf(ResultTimeoutException.class);
  }

  @Test
  void joinTimesOutOnAPendingMemberAfterReadyOnes() {
    app.backend().store(TaskMeta.success("ok1", 42));
    app.backend().store(TaskMeta.success("ok2", 42));
    GroupResult g = group("g", result("ok1"), result("ok2"), result("pending"));
    assertThatThrownBy(() -> g.join(Duration.ofNanos(100)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageContaining("2 of 3 members successful");
    GroupResult ready = group("g2", result("ok1"));
    assertThat(ready.join(Duration.ofMillis(100))).containsExactly(42);
    List<Object> calls = new ArrayList<>();
    assertThat(
            ready.join(
                GetOptions.defaults()
                    .timeout(Duration.ofMillis(100))
                    .callback((id, v) -> calls.add(id + "=" + v))))
        .isEmpty();
    assertThat(calls).containsExactly("ok1=42");
  }

  @Test
  void groupWithAFailedMember() {
    List<ResultBase> members = makeMockGroup(10);
    KeyError baz = new KeyError("Baz");
    app.backend().store(TaskMeta.failure("ts11", baz));
    members.add(result("ts11"));
    GroupResult g = new GroupResult("failed", members, app);
    assertThat(g.completedCount()).isEqualTo(g.size() - 1);
    assertThat(g.successful()).isFalse();
    assertThat(g.failed()).isTrue();
    assertThatThrownBy(g::join).isSameAs(baz);
    assertThatThrownBy(g::get).isSameAs(baz);
  }

  @Test
  void maybeThrowRaisesAFailedMember() {
    KeyError error = new KeyError("member");
    app.backend().store(TaskMeta.failure("bad", error));
    assertThatThrownBy(() -> group("g", result("ts0"), result("bad")).maybeThrow()).isSameAs(error);
    ts.maybeThrow();
    assertThat(ts.successful()).isTrue();
  }

  @Test
  void joinWithOnMessageIsImproperlyConfigured() {
    assertThatThrownBy(() -> ts.join(GetOptions.defaults().onMessage(meta -> {})))
        .isInstanceOf(ImproperlyConfiguredException.class);
  }

  @Test
  void getOfNestedGroupsReturnsNestedLists() {
    // Celery's test_get_nested_without_native_join
    for (String id : List.of("1.1", "2.1", "3.1", "3.2")) {
      app.backend().store(TaskMeta.success(id, id));
    }
    GroupResult outer =
        group(
            "outer",
            result("1.1"),
            group("middle", result("2.1"), group("inner", result("3.1"), result("3.2"))));
    assertThat(outer.get()).isEqualTo(List.of("1.1", List.of("2.1", List.of("3.1", "3.2"))));
  }

  @Test
  void forgetForgetsTheMembersButKeepsTheSavedGroup() {
    ts.save();
    ts.forget();
    for (int i = 0; i < SIZE; i++) {
      assertThat(app.backend().exists("ts" + i)).isFalse();
    }
    assertThat(ts.completedCount()).isZero();
    assertThat(GroupResult.restore("ts", app)).isEqualTo(ts);
  }

  @Test
  void forgetLeavesTheGroupsParent() {
    app.backend().store(TaskMeta.success("parent", 0));
    GroupResult g = new GroupResult("g", List.of(result("ts0")), result("parent"), app);
    g.forget();
    assertThat(app.backend().exists("ts0")).isFalse();
    assertThat(app.backend().exists("parent")).isTrue();
  }

  @Test
  void revokeSendsTheMemberIds() {
    group("g", result("a"), result("b")).revoke();
    assertThat(app.control().revoked()).containsExactly("a", "b");
  }

  @Test
  void restoredGroupCanBeJoined() {
    ts.save();
    assertThat(GroupResult.restore("ts", app).join()).hasSize(SIZE).startsWith(0, 1, 2);
  }
}
