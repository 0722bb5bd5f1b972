package io.celerykit.result;

import static io.celerykit.result.Fixtures.E_WOULDBLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.Fixtures.CheckedFailure;
import io.celerykit.result.Fixtures.KeyError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link EagerResult}, after Celery's {@code test_result.py::test_EagerResult}. */
class EagerResultTest {

  private final InMemoryCelery app = InMemoryCelery.create();
  private final GetOptions noPropagate = GetOptions.defaults().propagate(false);

  @Test
  void getOfSuccessReturnsTheValue() {
    EagerResult<Integer> r = EagerResult.success("x", 42);
    assertThat(r.get()).isEqualTo(42);
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.successful()).isTrue();
    assertThat(r.result()).isEqualTo(42);
  }

  @Test
  void getOfFailureRaisesTheExceptionItselfAndValueWithoutPropagateReturnsIt() {
    // Celery's test_wait_raises: raising.apply(args=[3, 3]) then wait()
    KeyError error = new KeyError("3, 3");
    EagerResult<Object> r = EagerResult.failure("x", error);
    assertThatThrownBy(r::get).isSameAs(error);
    assertThatThrownBy(() -> r.wait(Duration.ofSeconds(1))).isSameAs(error);
    assertThat(r.value(noPropagate)).isSameAs(error);
    assertThat(r.failed()).isTrue();
  }

  @Test
  void getOfFailureWithACheckedExceptionWrapsIt() {
    CheckedFailure checked = new CheckedFailure("checked");
    EagerResult<Object> r = EagerResult.failure("x", checked);
    assertThatThrownBy(r::get).isInstanceOf(TaskFailedException.class).hasCauseReference(checked);
    assertThat(r.value(noPropagate)).isSameAs(checked);
  }

  @Test
  void getOfFailureWhoseValueIsNotAnExceptionRaisesTaskFailedExceptionNamingIt() {
    // Celery raises Exception(self.result) when the value is not an exception
    EagerResult<Object> r = new EagerResult<>("x", "boom", TaskState.FAILURE);
    assertThatThrownBy(r::get)
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("boom")
        .hasNoCause()
        .satisfies(
            e -> {
              TaskFailedException failed = (TaskFailedException) e;
              assertThat(failed.taskId()).isEqualTo("x");
              assertThat(failed.state()).isEqualTo(TaskState.FAILURE);
            });
    assertThat(r.value(noPropagate)).isEqualTo("boom");
  }

  @Test
  void getOfRevokedRaisesTheStoredRevokedException() {
    TaskRevokedException revoked = new TaskRevokedException("revoked");
    EagerResult<Object> r = new EagerResult<>("x", revoked, TaskState.REVOKED);
    assertThatThrownBy(r::get).isSameAs(revoked);
    assertThat(r.value(noPropagate)).isSameAs(revoked);
  }

  @Test
  void getInStateRetryReturnsNull() {
    // Celery's test_wait: EagerResult('x', 'x', states.RETRY).wait() returns None
    EagerResult<Object> r = new EagerResult<>("x", "x", TaskState.RETRY);
    assertThat(r.get()).isNull();
    assertThat(r.wait(GetOptions.defaults())).isNull();
    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat(r.status()).isEqualTo(TaskState.RETRY);
    assertThat(r.result()).isEqualTo("x");
  }

  @Test
  void getInACustomStateReturnsNull() {
    assertThat(new EagerResult<>("x", "meta", TaskState.of("PROGRESS")).get()).isNull();
  }

  @Test
  void getDoesNotWaitAndIgnoresTheTimeout() {
    EagerResult<Integer> r = new EagerResult<>("x", 1, TaskState.SUCCESS, null, null, app);
    assertThat(r.get(Duration.ZERO)).isEqualTo(1);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ZERO);
  }

  @Test
  void ignoredDoesNotApplyToAnEagerResult() {
    // Celery's EagerResult.get returns the value it holds; it never checks `ignored`.
    EagerResult<Integer> r = EagerResult.success("x", 42);
    r.ignored(true);
    assertThat(r.get()).isEqualTo(42);
  }

  @Test
  void revokeSetsStateRevokedAndSendsNothing() {
    // Celery's test_revoke: revoke() returns nothing, the state becomes REVOKED
    EagerResult<Integer> r = new EagerResult<>("x", 42, TaskState.SUCCESS, null, null, app);
    r.revoke();
    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.ready()).isTrue();
    assertThat(app.control().requests()).isEmpty();
    // the value 42 is not an exception, so get() raises it wrapped
    assertThatThrownBy(r::get).isInstanceOf(TaskFailedException.class).hasMessageContaining("42");
  }

  @Test
  void revokeWorksWithoutAnApp() {
    EagerResult<Integer> r = EagerResult.success("x", 1);
    r.revoke(RevokeOptions.defaults().terminate(true));
    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
  }

  @Test
  void forgetDoesNothing() {
    EagerResult<Object> r = new EagerResult<>("x", "x", TaskState.RETRY);
    r.forget();
    assertThat(r.result()).isEqualTo("x");
    assertThat(r.state()).isEqualTo(TaskState.RETRY);
  }

  @Test
  void isAlwaysReadyCachedAndExisting() {
    for (TaskState state : List.of(TaskState.PENDING, TaskState.RETRY, TaskState.SUCCESS)) {
      EagerResult<Object> r = new EagerResult<>("x", null, state);
      assertThat(r.ready()).as(state.name()).isTrue();
      assertThat(r.isCached()).isTrue();
      assertThat(r.exists()).isTrue();
    }
  }

  @Test
  void thenFiresAtOnce() {
    EagerResult<Integer> r = EagerResult.success("x", 21);
    CompletableFuture<Integer> f = r.then(res -> res.get() * 2, null);
    assertThat(f).isCompletedWithValue(42);
  }

  @Test
  void getRefusesToWaitInsideATaskUnlessSyncSubtasksAreAllowed() {
    EagerResult<String> r =
        new EagerResult<>("x", "x", TaskState.SUCCESS, null, null, Fixtures.insideTask(app));
    assertThatThrownBy(r::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(E_WOULDBLOCK);
    assertThat(r.get(GetOptions.defaults().disableSyncSubtasks(false))).isEqualTo("x");
  }

  @Test
  void reprIsEagerResult() {
    assertThat(EagerResult.success("x", 1).repr()).isEqualTo("<EagerResult: x>");
    assertThat(EagerResult.success("x", 1).toString()).isEqualTo("x");
  }

  @Test
  void tracebackAndNameAreKept() {
    EagerResult<Object> r =
        new EagerResult<>("x", new KeyError("k"), TaskState.FAILURE, "tb", "tasks.raising", null);
    assertThat(r.traceback()).isEqualTo("tb");
    assertThat(r.name()).isEqualTo("tasks.raising");
    assertThat(r.children()).isEmpty();
    assertThat(r.dateDone()).isNull();
  }

  @Test
  void doesNotSupportNativeJoin() {
    assertThat(EagerResult.success("x", 1).supportsNativeJoin()).isFalse();
  }

  @Test
  void maybeThrowRaisesForFailureAndCallsTheCallbackOtherwise() {
    KeyError error = new KeyError("k");
    assertThatThrownBy(() -> EagerResult.failure("f", error).maybeThrow()).isSameAs(error);
    List<String> calls = new ArrayList<>();
    assertThat(EagerResult.success("s", 1).maybeThrow(true, (id, v) -> calls.add(id + "=" + v)))
        .isEqualTo(1);
    assertThat(calls).containsExactly("s=1");
  }

  @Test
  void outcomeIsTypedWithoutRaising() {
    KeyError error = new KeyError("k");
    assertThat(EagerResult.<Integer>failure("f", error).outcome().exception()).isSameAs(error);
    assertThat(EagerResult.success("s", 1).outcome().value()).isEqualTo(1);
  }

  @Test
  void iterdepsYieldsOnlyItself() {
    EagerResult<Integer> r = EagerResult.success("x", 1);
    assertThat(r.iterdeps()).containsExactly(new ResultEdge(null, r));
    assertThat(r.getLeaf()).isEqualTo(1);
  }

  @Test
  void asTupleHasNoParent() {
    assertThat(EagerResult.success("x", 1).asTuple()).isEqualTo(ResultTuple.of("x", null));
  }

  @Test
  void rejectsBlankIdNamingIt() {
    assertThatThrownBy(() -> EagerResult.success(" ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EagerResult id")
        .hasMessageContaining("\" \"");
    assertThatThrownBy(() -> EagerResult.success(null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
  }

  @Test
  void rejectsMissingStateAndFailureWithoutException() {
    assertThatThrownBy(() -> new EagerResult<>("x", 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("state");
    assertThatThrownBy(() -> EagerResult.failure("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("exception");
  }
}
