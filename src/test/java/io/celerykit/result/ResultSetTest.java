package io.celerykit.result;

import static io.celerykit.result.Fixtures.E_WOULDBLOCK;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.RevokeRequest;
import io.celerykit.result.Fixtures.KeyError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ResultSet}, after Celery's {@code test_result.py::test_ResultSet} and friends. */
class ResultSetTest {

  private InMemoryCelery app;

  @BeforeEach
  void setUp() {
    app = InMemoryCelery.create();
  }

  private AsyncResult<Object> result(String id) {
    return app.asyncResult(id);
  }

  private AsyncResult<Object> succeeded(String id, Object value) {
    app.backend().store(TaskMeta.success(id, value));
    return result(id);
  }

  private AsyncResult<Object> failed(String id, Throwable error) {
    app.backend().store(TaskMeta.failure(id, error));
    return result(id);
  }

  private AsyncResult<Object> completesAt(String id, Duration at, Object value) {
    app.clock().schedule(at, () -> app.backend().store(TaskMeta.success(id, value)));
    return result(id);
  }

  private ResultSet setOf(String... ids) {
    List<ResultBase> members = new ArrayList<>();
    for (String id : ids) {
      members.add(result(id));
    }
    return new ResultSet(members, app);
  }

  @Nested
  class Membership {

    @Test
    void rejectsNullMembersNamingTheIndex() {
      List<ResultBase> members = new ArrayList<>();
      members.add(result("a"));
      members.add(null);
      assertThatThrownBy(() -> new ResultSet(members, app))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("results[1] is null");
      assertThatThrownBy(() -> new ResultSet(null, app)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void addIgnoresAResultThatIsAlreadyAMember() {
      ResultSet x = setOf("1");
      x.add(result("2"));
      assertThat(x.size()).isEqualTo(2);
      x.add(result("2"));
      assertThat(x.size()).isEqualTo(2);
      assertThat(x.results()).containsExactly(result("1"), result("2"));
    }

    @Test
    void discardRemovesByResultOrIdAndIgnoresNonMembers() {
      ResultSet x = new ResultSet(List.of(), app);
      x.add(result("1"));
      assertThat(x.results()).contains(result("1"));
      x.discard(result("1"));
      x.discard(result("1"));
      x.discard("1");
      assertThat(x.results()).doesNotContain(result("1"));
      x.add(result("2"));
      x.discard("2");
      assertThat(x.size()).isZero();
      x.discard((ResultBase) null);
      x.discard((String) null);
      assertThat(x.size()).isZero();
    }

    @Test
    void updateAddsOnlyNewResultsInOrder() {
      ResultSet x = setOf("1");
      x.update(List.of(result("2"), result("1"), result("3"), result("2")));
      assertThat(x.results()).containsExactly(result("1"), result("2"), result("3"));
    }

    @Test
    void removeByResultOrByIdRemovesTheMember() {
      ResultSet x = setOf("1", "2", "3");
      x.remove(result("2"));
      x.remove("3");
      assertThat(x.results()).containsExactly(result("1"));
    }

    @Test
    void removeOfANonMemberThrowsNoSuchElementNamingIt() {
      ResultSet x = setOf("1");
      assertThatThrownBy(() -> x.remove(result("missing-result")))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("missing-result")
          .hasMessageContaining("discard()");
      assertThatThrownBy(() -> x.remove("missing-id"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("missing-id");
      assertThat(x.size()).isEqualTo(1);
    }

    @Test
    void removeByBlankIdIsRejectedNamingIt() {
      assertThatThrownBy(() -> setOf("1").remove(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\" \"");
    }

    @Test
    void clearRemovesEveryMember() {
      ResultSet x = setOf("1", "2");
      x.clear();
      assertThat(x.size()).isZero();
      assertThat(x.results()).isEmpty();
      assertThat(x.iterator().hasNext()).isFalse();
    }

    @Test
    void iterationYieldsTheMembersInOrderFromASnapshot() {
      ResultSet x = setOf("a", "b");
      Iterator<ResultBase> it = x.iterator();
      x.add(result("c"));
      List<ResultBase> seen = new ArrayList<>();
      it.forEachRemaining(seen::add);
      assertThat(seen).containsExactly(result("a"), result("b"));
      assertThat(x).containsExactly(result("a"), result("b"), result("c"));
    }

    @Test
    void memberReturnsTheResultAtAnIndex() {
      AsyncResult<Object> first = result("a");
      ResultSet x = new ResultSet(List.of(first, result("b")), app);
      assertThat(x.member(0)).isSameAs(first);
      assertThat(x.member(1)).isEqualTo(result("b"));
    }

    @Test
    void memberOutOfRangeNamesIndexAndSize() {
      ResultSet x = setOf("a", "b");
      assertThatThrownBy(() -> x.member(5))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("index 5")
          .hasMessageContaining("size 2");
      assertThatThrownBy(() -> x.member(-1))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("index -1");
    }

    @Test
    void resultsIsAnUnmodifiableSnapshot() {
      ResultSet x = setOf("a");
      List<ResultBase> snapshot = x.results();
      x.add(result("b"));
      assertThat(snapshot).containsExactly(result("a"));
      assertThatThrownBy(() -> snapshot.add(result("c")))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void childrenAreTheMembersAndThereIsNoParent() {
      ResultSet x = setOf("a", "b");
      assertThat(x.children()).isEqualTo(x.results());
      assertThat(x.parent()).isNull();
    }
  }

  @Nested
  class Identity {

    @Test
    void reprListsTheMemberIds() {
      assertThat(setOf("1", "2", "3").toString()).isEqualTo("<ResultSet: [1, 2, 3]>");
      assertThat(new ResultSet(List.of(), app).toString()).isEqualTo("<ResultSet: []>");
    }

    @Test
    void setsWithEqualMembersInTheSameOrderAreEqual() {
      ResultSet g1 = setOf("id1", "id2");
      ResultSet g2 = setOf("id1", "id2");
      ResultSet g3 = setOf("id3", "id1");
      assertThat(g1).isEqualTo(g2).hasSameHashCodeAs(g2).isNotEqualTo(g3);
      assertThat(setOf("id2", "id1")).isNotEqualTo(g1);
      assertThat(g1.equals(new Object())).isFalse();
      assertThat(g1.equals(1)).isFalse();
    }

    @Test
    void aSetIsNotEqualToAGroupWithTheSameMembers() {
      // Celery's ResultSet == GroupResult compares members only; in Java that would break
      // transitivity (two groups with different ids would both equal the set), so never equal.
      ResultSet set = setOf("a");
      GroupResult group = new GroupResult("g", List.of(result("a")), app);
      assertThat(set).isNotEqualTo(group);
      assertThat(group).isNotEqualTo(set);
    }

    @Test
    void appIsTakenFromTheFirstMemberUnlessGiven() {
      InMemoryCelery other = InMemoryCelery.create();
      ResultSet x = new ResultSet(List.of(result("id1")));
      assertThat(x.app()).isSameAs(app);
      assertThat(x.backend()).isSameAs(app.backend());
      ResultSet y = new ResultSet(List.of(result("id1")), other);
      assertThat(y.app()).isSameAs(other);
      assertThat(y.backend()).isSameAs(other.backend());
    }

    @Test
    void anEmptySetWithoutAppHasNoApp() {
      assertThatThrownBy(() -> new ResultSet(List.of()).app())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("pass the app");
    }

    @Test
    void supportsNativeJoinIsTheFirstMembers() {
      assertThat(setOf("a").supportsNativeJoin()).isTrue();
      assertThat(new ResultSet(List.of(), app).supportsNativeJoin()).isFalse();
      assertThat(
              new ResultSet(List.of(EagerResult.success("e", 1), result("a")), app)
                  .supportsNativeJoin())
          .isFalse();
      assertThat(
              new ResultSet(List.of(new GroupResult("g", List.of(result("a")), app)), app)
                  .supportsNativeJoin())
          .isTrue();
    }
  }

  @Nested
  class Predicates {

    @Test
    void allSucceeded() {
      ResultSet x = new ResultSet(List.of(succeeded("a", 1), succeeded("b", 2)), app);
      assertThat(x.successful()).isTrue();
      assertThat(x.failed()).isFalse();
      assertThat(x.waiting()).isFalse();
      assertThat(x.ready()).isTrue();
      assertThat(x.completedCount()).isEqualTo(2);
    }

    @Test
    void oneOfElevenFailed() {
      // Celery's test_failed_AsyncResult: 10 successes and one failure
      List<ResultBase> members = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        members.add(succeeded("ts" + i, i));
      }
      KeyError baz = new KeyError("Baz");
      members.add(failed("ts11", baz));
      ResultSet x = new ResultSet(members, app);
      assertThat(x.completedCount()).isEqualTo(x.size() - 1);
      assertThat(x.successful()).isFalse();
      assertThat(x.failed()).isTrue();
      assertThat(x.ready()).isTrue();
      assertThatThrownBy(x::join).isSameAs(baz);
    }

    @Test
    void allPending() {
      ResultSet x = setOf("p1", "p2");
      assertThat(x.completedCount()).isZero();
      assertThat(x.ready()).isFalse();
      assertThat(x.waiting()).isTrue();
      assertThat(x.successful()).isFalse();
      assertThat(x.failed()).isFalse();
    }

    @Test
    void revokedMemberIsReadyButNeitherSuccessfulNorFailed() {
      app.backend()
          .store(
              TaskMeta.builder("rv", TaskState.REVOKED)
                  .result(new TaskRevokedException("revoked"))
                  .build());
      ResultSet x = new ResultSet(List.of(succeeded("a", 1), result("rv")), app);
      assertThat(x.ready()).isTrue();
      assertThat(x.failed()).isFalse();
      assertThat(x.successful()).isFalse();
      assertThat(x.completedCount()).isEqualTo(1);
    }

    @Test
    void nestedSetsCountAsOneMember() {
      GroupResult inner = new GroupResult("g", List.of(succeeded("a", 1), result("p")), app);
      ResultSet x = new ResultSet(List.of(succeeded("b", 2), inner), app);
      assertThat(x.ready()).isFalse();
      assertThat(x.waiting()).isTrue();
      assertThat(x.completedCount()).isEqualTo(1);
      app.backend().store(TaskMeta.success("p", 3));
      assertThat(x.successful()).isTrue();
      assertThat(x.completedCount()).isEqualTo(2);
    }

    @Test
    void emptySetIsReadyAndSuccessful() {
      ResultSet x = new ResultSet(List.of(), app);
      assertThat(x.ready()).isTrue();
      assertThat(x.successful()).isTrue();
      assertThat(x.waiting()).isFalse();
      assertThat(x.completedCount()).isZero();
    }
  }

  @Nested
  class MaybeThrowForgetRevoke {

    @Test
    void maybeThrowAsksEveryMemberWithCallbackAndPropagate() {
      AsyncResult<Object> r1 = spy(succeeded("r1", 1));
      AsyncResult<Object> r2 = spy(succeeded("r2", 2));
      new ResultSet(List.of(r1, r2), app).maybeThrow();
      verify(r1).maybeThrow(true, null);
      verify(r2).maybeThrow(true, null);
    }

    @Test
    void maybeThrowRaisesTheFirstFailedMember() {
      KeyError first = new KeyError("first");
      ResultSet x =
          new ResultSet(
              List.of(
                  succeeded("ok", 1), failed("f1", first), failed("f2", new KeyError("second"))),
              app);
      assertThatThrownBy(x::maybeThrow).isSameAs(first);
    }

    @Test
    void maybeThrowWithoutPropagateCallsTheCallbackForEveryMember() {
      KeyError error = new KeyError("e");
      ResultSet x = new ResultSet(List.of(succeeded("ok", 1), failed("f", error)), app);
      List<Object> calls = new ArrayList<>();
      assertThat(x.maybeThrow(false, (id, v) -> calls.add(List.of(id, v)))).isNull();
      x.maybeReraise(false, (id, v) -> calls.add(id));
      assertThat(calls).containsExactly(List.of("ok", 1), List.of("f", error), "ok", "f");
    }

    @Test
    void forgetForgetsEveryMemberAndTheirParents() {
      succeeded("parent", 0);
      AsyncResult<Object> child = new AsyncResult<>("child", app, result("parent"));
      app.backend().store(TaskMeta.success("child", 1));
      ResultSet x = new ResultSet(List.of(succeeded("a", 1), child), app);
      succeeded("unrelated", 2);
      x.forget();
      assertThat(app.backend().taskIds()).containsExactly("unrelated");
    }

    @Test
    void revokeSendsOneRequestWithAllIds() {
      ResultSet x = setOf("a", "b", "c");
      RevokeOptions options = RevokeOptions.defaults().terminate(true);
      x.revoke(options);
      assertThat(app.control().requests())
          .singleElement()
          .satisfies(
              request -> {
                assertThat(request.taskIds()).containsExactly("a", "b", "c");
                assertThat(request.options()).isEqualTo(options);
              });
    }

    @Test
    void revokeWithDefaultsNamesNestedGroupsById() {
      ResultSet x =
          new ResultSet(List.of(result("a"), new GroupResult("g", List.of(result("m")), app)), app);
      x.revoke();
      assertThat(app.control().requests())
          .extracting(RevokeRequest::taskIds)
          .containsExactly(List.of("a", "g"));
    }
  }

  @Nested
  class Join {

    @Test
    void getUsesJoinWhenTheBackendCannotJoinNatively() {
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.supportsNativeJoin()).thenReturn(false);
      when(backend.waitFor(anyString(), any()))
          .thenAnswer(inv -> TaskMeta.success(inv.getArgument(0), "v-" + inv.getArgument(0)));
      List<ResultBase> members = new ArrayList<>();
      for (String id : List.of("1", "2", "3")) {
        members.add(new AsyncResult<>(id, backend, null, app, null));
      }
      ResultSet x = spy(new ResultSet(members, app));
      assertThat(x.get()).containsExactly("v-1", "v-2", "v-3");
      verify(x).join(any(GetOptions.class));
      verify(x, never()).joinNative(any());
    }

    @Test
    void getUsesJoinNativeWhenTheBackendSupportsIt() {
      ResultSet x = spy(new ResultSet(List.of(succeeded("1", 1), succeeded("2", 2)), app));
      assertThat(x.get()).containsExactly(1, 2);
      verify(x).joinNative(any());
      verify(x, never()).join(any(GetOptions.class));
    }

    @Test
    void getOfAnEmptySetJoins() {
      ResultSet x = spy(new ResultSet(List.of(), app));
      assertThat(x.get()).isEmpty();
      verify(x).join(any(GetOptions.class));
    }

    @Test
    void joinKeepsMemberOrderWhateverTheOrderOfCompletion() {
      ResultSet x =
          new ResultSet(
              List.of(
                  completesAt("m1", ofSeconds(9), "v1"),
                  completesAt("m2", ofSeconds(3), "v2"),
                  completesAt("m3", ofSeconds(6), "v3")),
              app);
      assertThat(x.join()).containsExactly("v1", "v2", "v3");
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(9));
    }

    @Test
    void valueOfASetIsItsJoin() {
      ResultSet x = new ResultSet(List.of(succeeded("a", 1), succeeded("b", 2)), app);
      assertThat(x.value(GetOptions.defaults())).isEqualTo(List.of(1, 2));
    }

    @Test
    void joinWithCallbackPassesEachValueAndReturnsAnEmptyList() {
      ResultSet x = new ResultSet(List.of(succeeded("a", 1), succeeded("b", 2)), app);
      List<Object> calls = new ArrayList<>();
      List<Object> values =
          x.join(GetOptions.defaults().callback((id, v) -> calls.add(List.of(id, v))));
      assertThat(values).isEmpty();
      assertThat(calls).containsExactly(List.of("a", 1), List.of("b", 2));
    }

    @Test
    void joinRaisesTheFirstFailureWhenPropagating() {
      KeyError error = new KeyError("e");
      ResultSet x = new ResultSet(List.of(succeeded("a", 1), failed("f", error)), app);
      assertThatThrownBy(x::join).isSameAs(error);
    }

    @Test
    void joinWithoutPropagatePutsTheExceptionInPlace() {
      KeyError error = new KeyError("e");
      ResultSet x = new ResultSet(List.of(failed("f", error), succeeded("a", 1)), app);
      assertThat(x.join(GetOptions.defaults().propagate(false))).containsExactly(error, 1);
    }

    @Test
    void joinTimeoutCountsAcrossTheWholeJoin() {
      // GIVEN members completing at 4s, 8s and 12s
      ResultSet x =
          new ResultSet(
              List.of(
                  completesAt("m1", ofSeconds(4), 1),
                  completesAt("m2", ofSeconds(8), 2),
                  completesAt("m3", ofSeconds(12), 3)),
              app);
      // WHEN joining with 10s for the whole join
      // THEN it fails at t=10s, not 4+10 or 8+10
      assertThatThrownBy(() -> x.join(ofSeconds(10)))
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("join operation timed out")
          .hasMessageContaining("PT10S")
          .hasMessageContaining("2 of 3 members successful")
          .cause()
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("The operation timed out.");
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(10));
    }

    @Test
    void joinSucceedsWhenEveryMemberCompletesWithinTheTimeout() {
      ResultSet x =
          new ResultSet(
              List.of(completesAt("m1", ofSeconds(4), 1), completesAt("m2", ofSeconds(8), 2)), app);
      assertThat(x.join(ofSeconds(10))).containsExactly(1, 2);
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(8));
    }

    @Test
    void joinRaisesOnceTheTimeIsSpentEvenIfLaterMembersAreReady() {
      // Celery checks the remaining time before each member: `if remaining <= 0.0: raise`.
      ResultSet x =
          new ResultSet(List.of(completesAt("m1", ofSeconds(10), 1), succeeded("m2", 2)), app);
      assertThatThrownBy(() -> x.join(ofSeconds(10)))
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("join operation timed out")
          .hasNoCause();
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(10));
    }

    @Test
    void joinWithZeroTimeoutChecksEachMemberOnce() {
      ResultSet ready = new ResultSet(List.of(succeeded("a", 1), succeeded("b", 2)), app);
      assertThat(ready.join(Duration.ZERO)).containsExactly(1, 2);
      ResultSet notReady = new ResultSet(List.of(succeeded("a", 1), result("p")), app);
      assertThatThrownBy(() -> notReady.join(Duration.ZERO))
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("join operation timed out");
      assertThat(app.clock().elapsed()).isEqualTo(Duration.ZERO);
    }

    @Test
    void joinOfPendingMembersTimesOut() {
      ResultSet x = setOf("p1", "p2");
      assertThatThrownBy(() -> x.join(Duration.ofMillis(1)))
          .isInstanceOf(ResultTimeoutException.class);
      assertThatThrownBy(() -> x.join(ofSeconds(1))).isInstanceOf(ResultTimeoutException.class);
      assertThat(app.clock().elapsed()).isEqualTo(Duration.ofMillis(1001));
    }

    @Test
    void joinWithOnMessageIsImproperlyConfigured() {
      ResultSet x = setOf("a");
      assertThatThrownBy(() -> x.join(GetOptions.defaults().onMessage(meta -> {})))
          .isInstanceOf(ImproperlyConfiguredException.class)
          .hasMessage("Backend does not support on_message callback");
    }

    @Test
    void joinRefusesToWaitInsideATaskUnlessSyncSubtasksAreAllowed() {
      ResultSet x = new ResultSet(List.of(succeeded("a", 1)), Fixtures.insideTask(app));
      assertThatThrownBy(x::join)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(E_WOULDBLOCK);
      assertThatThrownBy(() -> x.joinNative(GetOptions.defaults()))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(x::get).isInstanceOf(IllegalStateException.class);
      GetOptions allowed = GetOptions.defaults().disableSyncSubtasks(false);
      assertThat(x.join(allowed)).containsExactly(1);
      assertThat(x.joinNative(allowed)).containsExactly(1);
    }

    @Test
    void joinTakesTheGuardFromTheFirstMembersApp() {
      AsyncResult<Object> member = new AsyncResult<>("a", Fixtures.insideTask(app));
      succeeded("a", 1);
      ResultSet x = new ResultSet(List.of(member));
      assertThatThrownBy(x::join).isInstanceOf(IllegalStateException.class);
    }
  }

  @Nested
  class NativeJoin {

    @Test
    void joinNativeReturnsTheValuesInMemberOrder() {
      ResultSet x =
          new ResultSet(
              List.of(
                  completesAt("m1", ofSeconds(9), "v1"),
                  completesAt("m2", ofSeconds(3), "v2"),
                  completesAt("m3", ofSeconds(6), "v3")),
              app);
      assertThat(x.joinNative(GetOptions.defaults())).containsExactly("v1", "v2", "v3");
    }

    @Test
    void joinNativeFillsEveryPositionOfATaskTheSetHoldsTwice() {
      AsyncResult<Object> twice = completesAt("m1", ofSeconds(4), "v1");
      ResultSet x =
          new ResultSet(List.of(twice, completesAt("m2", ofSeconds(2), "v2"), twice), app);
      assertThat(x.joinNative(GetOptions.defaults())).containsExactly("v1", "v2", "v1");
    }

    @Test
    void joinNativeCallbackGetsValuesInOrderOfReadinessAndTheListIsEmpty() {
      ResultSet x =
          new ResultSet(
              List.of(
                  completesAt("m1", ofSeconds(9), "v1"),
                  completesAt("m2", ofSeconds(3), "v2"),
                  completesAt("m3", ofSeconds(6), "v3")),
              app);
      List<Object> calls = new ArrayList<>();
      assertThat(x.joinNative(GetOptions.defaults().callback((id, v) -> calls.add(id + "=" + v))))
          .isEmpty();
      assertThat(calls).containsExactly("m2=v2", "m3=v3", "m1=v1");
    }

    @Test
    void iterNativeYieldsMetasInOrderOfReadiness() {
      ResultSet x =
          new ResultSet(
              List.of(
                  completesAt("m1", ofSeconds(9), 1),
                  completesAt("m2", ofSeconds(3), 2),
                  completesAt("m3", ofSeconds(6), 3)),
              app);
      List<String> order = new ArrayList<>();
      x.iterNative(GetOptions.defaults()).forEachRemaining(meta -> order.add(meta.taskId()));
      assertThat(order).containsExactly("m2", "m3", "m1");
    }

    @Test
    void joinNativeRaisesAFailure() {
      KeyError error = new KeyError("native");
      ResultSet x = new ResultSet(List.of(failed("f", error)), app);
      assertThatThrownBy(() -> x.joinNative(GetOptions.defaults())).isSameAs(error);
      assertThat(x.joinNative(GetOptions.defaults().propagate(false))).containsExactly(error);
    }

    @Test
    void joinNativeTimeoutCountsAcrossTheWholeIteration() {
      ResultSet x =
          new ResultSet(
              List.of(
                  completesAt("m1", ofSeconds(4), 1),
                  completesAt("m2", ofSeconds(8), 2),
                  completesAt("m3", ofSeconds(12), 3)),
              app);
      assertThatThrownBy(() -> x.joinNative(GetOptions.defaults().timeout(ofSeconds(10))))
          .isInstanceOf(ResultTimeoutException.class);
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(10));
    }

    @Test
    void joinNativeFallsBackToJoinForEagerAndNestedMembers() {
      GroupResult inner = new GroupResult("g", List.of(succeeded("m", "M")), app);
      ResultSet x =
          new ResultSet(List.of(EagerResult.success("e", "E"), succeeded("a", "A"), inner), app);
      assertThat(x.joinNative(GetOptions.defaults())).containsExactly("E", "A", List.of("M"));
    }

    @Test
    void joinNativeGivesEachPositionOfARepeatedMemberItsValue() {
      AsyncResult<Object> a = succeeded("a", 1);
      ResultSet x = new ResultSet(List.of(a, succeeded("b", 2), a), app);
      assertThat(x.joinNative(GetOptions.defaults())).containsExactly(1, 2, 1);
    }
  }

  @Nested
  class Then {

    @Test
    void thenRunsOnceEveryMemberIsReady() {
      ResultSet x =
          new ResultSet(
              List.of(completesAt("a", ofSeconds(2), 1), completesAt("b", ofSeconds(5), 2)), app);
      CompletableFuture<Integer> f = x.then(ResultSet::completedCount, null);
      app.clock().advance(ofSeconds(3));
      assertThat(f).isNotDone();
      app.clock().advance(ofSeconds(2));
      assertThat(f).isCompletedWithValue(2);
    }

    @Test
    void thenOnAReadySetRunsAtOnce() {
      ResultSet x = new ResultSet(List.of(succeeded("a", 1), EagerResult.success("e", 2)), app);
      assertThat(x.then(set -> set.size(), null)).isCompletedWithValue(2);
    }

    @Test
    void thenCallbackFailureGoesToTheErrorCallback() {
      ResultSet x = new ResultSet(List.of(succeeded("a", 1)), app);
      CompletableFuture<String> f =
          x.then(
              set -> {
                throw new KeyError("bad callback");
              },
              err -> "handled " + err.getMessage());
      assertThat(f).isCompletedWithValue("handled bad callback");
    }
  }
}
