package io.celerykit.result;

import static io.celerykit.result.Fixtures.E_WOULDBLOCK;
import static io.celerykit.result.Fixtures.PYTRACEBACK;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.RevokeRequest;
import io.celerykit.backend.InMemoryBackend;
import io.celerykit.graph.DependencyGraph;
import io.celerykit.graph.GraphFormatter;
import io.celerykit.result.Fixtures.CheckedFailure;
import io.celerykit.result.Fixtures.KeyError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link AsyncResult}, after Celery's {@code t/unit/tasks/test_result.py::test_AsyncResult}. */
class AsyncResultTest {

  private InMemoryCelery app;

  // Celery's fixture: task1 and task2 succeeded, task3 failed, task4 is waiting for retry,
  // task5 failed with a traceback.
  private final KeyError brown = new KeyError("brown");
  private final KeyError red = new KeyError("red");
  private final KeyError blue = new KeyError("blue");

  @BeforeEach
  void setUp() {
    app = InMemoryCelery.create();
    store(TaskMeta.success("task1", "the"));
    store(TaskMeta.success("task2", "quick"));
    store(
        TaskMeta.builder("task3", TaskState.FAILURE)
            .result(brown)
            .traceback("Some traceback")
            .build());
    store(
        TaskMeta.builder("task4", TaskState.RETRY).result(red).traceback("Some traceback").build());
    store(TaskMeta.builder("task5", TaskState.FAILURE).result(blue).traceback(PYTRACEBACK).build());
  }

  private void store(TaskMeta meta) {
    app.backend().store(meta);
  }

  private <T> AsyncResult<T> result(String id) {
    return app.asyncResult(id);
  }

  private static TaskMeta withChildren(String id, Object value, String... children) {
    List<ResultTuple> tuples = new ArrayList<>();
    for (String child : children) {
      tuples.add(ResultTuple.of(child, null));
    }
    return TaskMeta.builder(id, TaskState.SUCCESS).result(value).children(tuples).build();
  }

  @Nested
  class Identity {

    @Test
    void rejectsNullIdNamingIt() {
      assertThatThrownBy(() -> new AsyncResult<>(null, app))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("AsyncResult id")
          .hasMessageContaining("got null");
    }

    @Test
    void rejectsBlankIdNamingIt() {
      assertThatThrownBy(() -> new AsyncResult<>("  ", app))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got \"  \"");
    }

    @Test
    void rejectsMissingApp() {
      assertThatThrownBy(() -> new AsyncResult<>("t", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("app");
    }

    @Test
    void taskIdIsAliasOfId() {
      AsyncResult<Object> x = result("1");
      assertThat(x.taskId()).isEqualTo(x.id()).isEqualTo("1");
    }

    @Test
    void resultsOfSameTaskAreEqualAndHashAlike() {
      AsyncResult<Object> r1 = result("task1");
      AsyncResult<Object> r2 = result("task1");
      AsyncResult<Object> r3 = result("task2");
      assertThat(r1).isEqualTo(r2).hasSameHashCodeAs(r2).isNotEqualTo(r3);
      assertThat(result("x0w991").hashCode()).isNotEqualTo(result("x1w991").hashCode());
    }

    @Test
    void isNotEqualToOtherObjectsIncludingItsIdString() {
      // Celery's AsyncResult == 'id' is true; Java's equals must stay symmetric, so a String
      // never equals a result.
      AsyncResult<Object> r1 = result("task1");
      assertThat(r1.equals(new Object())).isFalse();
      assertThat(r1.equals("task1")).isFalse();
      assertThat(r1.equals(null)).isFalse();
    }

    @Test
    void eagerResultOfSameTaskIsEqual() {
      AsyncResult<Object> async = result("same");
      EagerResult<Object> eager = EagerResult.success("same", 1);
      assertThat(async).isEqualTo(eager);
      assertThat(eager).isEqualTo(async);
    }

    @Test
    void strIsTheId() {
      assertThat(result("task1").toString()).isEqualTo("task1");
      assertThat(result("never-stored").toString()).isEqualTo("never-stored");
    }

    @Test
    void reprNamesClassAndId() {
      assertThat(result("task1").repr()).isEqualTo("<AsyncResult: task1>");
      assertThat(result("task3").repr()).isEqualTo("<AsyncResult: task3>");
      assertThat(result("never-stored").repr()).isEqualTo("<AsyncResult: never-stored>");
    }

    @Test
    void usesAppBackendUnlessGivenOne() {
      InMemoryBackend other = new InMemoryBackend(app.clock());
      other.store(TaskMeta.success("t", "from other"));
      AsyncResult<String> viaApp = new AsyncResult<>("t", app);
      AsyncResult<String> viaOther = new AsyncResult<>("t", other, null, app, null);
      assertThat(viaApp.backend()).isSameAs(app.backend());
      assertThat(viaOther.backend()).isSameAs(other);
      assertThat(viaOther.get()).isEqualTo("from other");
      assertThat(viaApp.ready()).isFalse();
      assertThat(viaOther.app()).isSameAs(app);
    }
  }

  @Nested
  class StateAndMeta {

    @Test
    void readyOnlyOnceExecuted() {
      assertThat(result("task1").ready()).isTrue();
      assertThat(result("task2").ready()).isTrue();
      assertThat(result("task3").ready()).isTrue();
      assertThat(result("task4").ready()).as("RETRY").isFalse();
      assertThat(result("never-stored").ready()).as("PENDING").isFalse();
      store(TaskMeta.builder("started", TaskState.STARTED).build());
      store(
          TaskMeta.builder("revoked", TaskState.REVOKED)
              .result(new TaskRevokedException("revoked"))
              .build());
      assertThat(result("started").ready()).isFalse();
      assertThat(result("revoked").ready()).isTrue();
    }

    @Test
    void successfulOnlyInStateSuccess() {
      assertThat(result("task1").successful()).isTrue();
      assertThat(result("task3").successful()).isFalse();
      assertThat(result("task4").successful()).isFalse();
      assertThat(result("never-stored").successful()).isFalse();
    }

    @Test
    void failedOnlyInStateFailure() {
      assertThat(result("task3").failed()).isTrue();
      assertThat(result("task1").failed()).isFalse();
      assertThat(result("task4").failed()).isFalse();
      assertThat(result("never-stored").failed()).isFalse();
    }

    @Test
    void pendingResultHasNoResultNoTracebackNoDateDone() {
      AsyncResult<Object> pending = result("never-stored");
      assertThat(pending.state()).isEqualTo(TaskState.PENDING);
      assertThat(pending.result()).isNull();
      assertThat(pending.traceback()).isNull();
      assertThat(pending.dateDone()).isNull();
      assertThat(pending.exists()).isFalse();
    }

    @Test
    void tracebackIsStoredForFailedAndRetryingTasks() {
      assertThat(result("task1").traceback()).isNull();
      assertThat(result("task3").traceback()).isEqualTo("Some traceback");
      assertThat(result("task4").traceback()).isEqualTo("Some traceback");
      assertThat(result("task5").traceback()).isEqualTo(PYTRACEBACK);
    }

    @Test
    void retryingResultHoldsTheExceptionAsResult() {
      assertThat(result("task4").result()).isSameAs(red);
      assertThat(result("task4").state()).isEqualTo(TaskState.RETRY);
    }

    @Test
    void statusIsAliasOfStateAndInfoOfResult() {
      Map<String, Object> progress = Map.of("done", 3, "total", 10);
      store(TaskMeta.builder("p", TaskState.of("PROGRESS")).result(progress).build());
      AsyncResult<Object> p = result("p");
      assertThat(p.state()).isEqualTo(TaskState.of("PROGRESS"));
      assertThat(p.status()).isEqualTo(p.state());
      assertThat(p.result()).isEqualTo(progress);
      assertThat(p.info()).isSameAs(p.result());
      assertThat(p.ready()).isFalse();
      assertThat(result("task1").info()).isEqualTo("the");
    }

    @Test
    void extendedMetaFieldsAreRead() {
      // GIVEN a result stored with result_extended
      Instant done = app.clock().now();
      store(
          TaskMeta.builder("1", TaskState.SUCCESS)
              .result("foo")
              .extended("foo", List.of("one", "two"), Map.of("kwarg1", "three"), "foo", "celery")
              .retries(1)
              .dateDone(done)
              .build());
      // THEN every field is exposed
      AsyncResult<Object> x = result("1");
      assertThat(x.name()).isEqualTo("foo");
      assertThat(x.args()).containsExactly("one", "two");
      assertThat(x.kwargs()).containsExactly(Map.entry("kwarg1", "three"));
      assertThat(x.worker()).isEqualTo("foo");
      assertThat(x.retries()).isEqualTo(1);
      assertThat(x.queue()).isEqualTo("celery");
      assertThat(x.dateDone()).isEqualTo(done);
      assertThat(x.taskId()).isEqualTo("1");
      assertThat(x.state()).isEqualTo(TaskState.SUCCESS);
    }

    @Test
    void extendedFieldsAreNullWithoutResultExtended() {
      AsyncResult<Object> x = result("task1");
      assertThat(x.name()).isNull();
      assertThat(x.args()).isNull();
      assertThat(x.kwargs()).isNull();
      assertThat(x.worker()).isNull();
      assertThat(x.retries()).isNull();
      assertThat(x.queue()).isNull();
    }

    @Test
    void nameFallsBackToTheNameGivenAtConstruction() {
      AsyncResult<Object> x = new AsyncResult<>("task1", null, "tasks.add", app, null);
      assertThat(x.name()).isEqualTo("tasks.add");
      store(TaskMeta.builder("named", TaskState.SUCCESS).name("tasks.mul").build());
      assertThat(new AsyncResult<>("named", null, "tasks.add", app, null).name())
          .isEqualTo("tasks.mul");
    }

    @Test
    void dateDoneIsTheStoredInstant() {
      Instant at = Instant.parse("2026-02-03T04:05:06Z");
      store(TaskMeta.builder("d", TaskState.SUCCESS).dateDone(at).build());
      assertThat(result("d").dateDone()).isEqualTo(at);
    }

    @Test
    void existsOnceSomethingIsStored() {
      AsyncResult<Object> r = result("later");
      assertThat(r.exists()).isFalse();
      store(TaskMeta.builder("later", TaskState.STARTED).build());
      assertThat(r.exists()).isTrue();
    }

    @Test
    void supportsNativeJoinIsTheBackends() {
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.supportsNativeJoin()).thenReturn(false);
      assertThat(new AsyncResult<>("t", backend, null, app, null).supportsNativeJoin()).isFalse();
      assertThat(result("t").supportsNativeJoin()).isTrue();
    }
  }

  @Nested
  class Get {

    @Test
    void getReturnsTheValueAndCallsTheCallback() {
      List<Object> calls = new ArrayList<>();
      AsyncResult<String> ok = result("task1");
      assertThat(ok.get(GetOptions.defaults().callback((id, v) -> calls.add(List.of(id, v)))))
          .isEqualTo("the");
      assertThat(calls).containsExactly(List.of("task1", "the"));
      assertThat(AsyncResultTest.this.<String>result("task2").get()).isEqualTo("quick");
    }

    @Test
    void getOfCachedResultStillCallsTheCallback() {
      AsyncResult<String> ok = result("task1");
      ok.get();
      assertThat(ok.isCached()).isTrue();
      List<String> ids = new ArrayList<>();
      assertThat(ok.get(GetOptions.defaults().callback((id, v) -> ids.add(id)))).isEqualTo("the");
      assertThat(ids).containsExactly("task1");
    }

    @Test
    void getReRaisesTheStoredUncheckedExceptionItself() {
      assertThatThrownBy(() -> result("task3").get()).isSameAs(brown);
      assertThatThrownBy(() -> result("task5").get()).isSameAs(blue);
    }

    @Test
    void getReRaisesAgainOnceCached() {
      AsyncResult<Object> nok = result("task3");
      assertThatThrownBy(nok::get).isSameAs(brown);
      assertThat(nok.isCached()).isTrue();
      assertThatThrownBy(nok::get).isSameAs(brown);
    }

    @Test
    void getWrapsAStoredCheckedExceptionInTaskFailedException() {
      CheckedFailure checked = new CheckedFailure("disk full");
      store(TaskMeta.failure("io", checked));
      assertThatThrownBy(() -> result("io").get())
          .isInstanceOf(TaskFailedException.class)
          .hasCauseReference(checked)
          .hasMessageContaining("io")
          .hasMessageContaining("FAILURE");
    }

    @Test
    void getOfRevokedResultRaisesTaskRevokedException() {
      TaskRevokedException revoked = new TaskRevokedException("revoked");
      store(TaskMeta.builder("rv", TaskState.REVOKED).result(revoked).build());
      assertThatThrownBy(() -> result("rv").get()).isSameAs(revoked);
    }

    @Test
    void valueWithoutPropagateReturnsTheExceptionInstead() {
      assertThat(result("task3").value(GetOptions.defaults().propagate(false))).isSameAs(brown);
    }

    @Test
    void getWithoutPropagatePointsToOutcome() {
      AsyncResult<Object> nok = result("task3");
      assertThatThrownBy(() -> nok.get(GetOptions.defaults().propagate(false)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("propagate=false")
          .hasMessageContaining("outcome(options)");
    }

    @Test
    void waitIsAliasOfGet() {
      AsyncResult<String> ok = result("task1");
      assertThat(ok.wait(ofSeconds(1))).isEqualTo("the");
      assertThat(ok.wait(GetOptions.defaults())).isEqualTo("the");
      assertThatThrownBy(() -> result("task3").wait(ofSeconds(1))).isSameAs(brown);
    }

    @Test
    void ignoredDefaultsToFalse() {
      assertThat(result("any").ignored()).isFalse();
    }

    @Test
    void getOfIgnoredResultReturnsNullWithoutWaiting() {
      AsyncResult<Object> r = result("never-stored");
      r.ignored(true);
      assertThat(r.ignored()).isTrue();
      assertThat(r.get()).isNull();
      assertThat(app.clock().elapsed()).isEqualTo(Duration.ZERO);
    }

    @Test
    void getWaitsInVirtualTimeForAResultStoredLater() {
      app.clock().schedule(ofSeconds(3), () -> store(TaskMeta.success("later", 7)));
      assertThat(AsyncResultTest.this.<Integer>result("later").get(ofSeconds(10))).isEqualTo(7);
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(3));
    }

    @Test
    void getWithoutTimeoutWaitsForAScheduledResult() {
      app.clock().schedule(ofSeconds(30), () -> store(TaskMeta.success("later", 7)));
      assertThat(AsyncResultTest.this.<Integer>result("later").get()).isEqualTo(7);
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(30));
    }

    @Test
    void getTimesOutOnARetryingResultAfterTheTimeout() {
      // GIVEN task4 in state RETRY
      AsyncResult<Object> res = result("task4");
      // WHEN waiting 1 ms THEN it times out, 1 ms of virtual time later
      assertThatThrownBy(() -> res.get(ofMillis(1)))
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("The operation timed out.");
      assertThat(app.clock().elapsed()).isEqualTo(ofMillis(1));
    }

    @Test
    void getTimesOutOnAPendingResultAfterPollingAtTheInterval() {
      AtomicInteger polls = new AtomicInteger();
      GetOptions options =
          GetOptions.defaults()
              .timeout(ofSeconds(1))
              .interval(ofSeconds(1))
              .onInterval(polls::incrementAndGet);
      assertThatThrownBy(() -> result("never-stored").get(options))
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("The operation timed out.");
      assertThat(polls.get()).isEqualTo(1);
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(1));
    }

    @Test
    void getWithoutTimeoutOnAResultNothingCanCompleteFailsAtOnce() {
      assertThatThrownBy(() -> result("never-stored").get())
          .isInstanceOf(WouldBlockForeverException.class)
          .hasMessageContaining("never-stored");
      assertThat(app.clock().elapsed()).isEqualTo(Duration.ZERO);
    }

    @Test
    void getReturnsNullWhenTheBackendGivesNoMeta() {
      // Celery's test_get__backend_gives_None: wait_for returning None makes get() return None.
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.waitFor(eq("t"), any())).thenReturn(null);
      AsyncResult<Object> res = new AsyncResult<>("t", backend, null, app, null);
      assertThat(res.get()).isNull();
      assertThat(res.isCached()).isFalse();
    }

    @Test
    void getRefusesToWaitInsideATaskUnlessSyncSubtasksAreAllowed() {
      // GIVEN an app that says we are inside a running task
      AsyncResult<String> res = new AsyncResult<>("task1", Fixtures.insideTask(app));
      // THEN get refuses, as Celery's assert_will_not_block
      assertThatThrownBy(res::get)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(E_WOULDBLOCK);
      assertThatThrownBy(() -> res.get(ofSeconds(1))).isInstanceOf(IllegalStateException.class);
      // UNLESS disable_sync_subtasks=False
      assertThat(res.get(GetOptions.defaults().disableSyncSubtasks(false))).isEqualTo("the");
    }
  }

  @Nested
  class Parents {

    @Test
    void getRaisesParentFailureWhenFollowingParents() {
      // GIVEN a backend that would answer 84 and a failed parent
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.getTaskMeta(anyString()))
          .thenAnswer(inv -> TaskMeta.pending(inv.getArgument(0)));
      when(backend.waitFor(eq("x"), any())).thenReturn(TaskMeta.success("x", 84));
      KeyError foo = new KeyError("foo");
      AsyncResult<Integer> x =
          new AsyncResult<>("x", backend, null, app, EagerResult.failure("p", foo));
      // THEN the parent's error is raised without waiting for x
      assertThatThrownBy(x::get).isSameAs(foo);
      verify(backend, never()).waitFor(anyString(), any());
    }

    @Test
    void getWaitsForItsOwnResultWhenParentSucceeded() {
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.waitFor(eq("x"), any())).thenReturn(TaskMeta.success("x", 84));
      AsyncResult<Integer> x =
          new AsyncResult<>("x", backend, null, app, EagerResult.success("p", 42));
      assertThat(x.get()).isEqualTo(84);
      verify(backend).waitFor(eq("x"), any());
    }

    @Test
    void parentErrorsAreRaisedRootMostFirst() {
      // GIVEN root -> middle -> leaf where root and middle failed
      KeyError rootError = new KeyError("root");
      KeyError middleError = new KeyError("middle");
      store(TaskMeta.failure("root", rootError));
      store(TaskMeta.failure("middle", middleError));
      store(TaskMeta.success("leaf", 1));
      AsyncResult<Object> root = result("root");
      AsyncResult<Object> middle = new AsyncResult<>("middle", app, root);
      AsyncResult<Object> leaf = new AsyncResult<>("leaf", app, middle);
      // THEN the root's error comes first
      assertThatThrownBy(leaf::get).isSameAs(rootError);
      assertThatThrownBy(middle::get).isSameAs(rootError);
    }

    @Test
    void parentErrorIsRaisedEvenWhenOwnResultIsCached() {
      store(TaskMeta.success("child", 1));
      AsyncResult<Object> parent = result("parent");
      AsyncResult<Object> child = new AsyncResult<>("child", app, parent);
      assertThat(child.get()).isEqualTo(1);
      KeyError late = new KeyError("late");
      store(TaskMeta.failure("parent", late));
      assertThatThrownBy(child::get).isSameAs(late);
    }

    @Test
    void parentFailureIsIgnoredWhenNotFollowingParents() {
      store(TaskMeta.failure("parent", new KeyError("p")));
      store(TaskMeta.success("child", "mine"));
      AsyncResult<String> child = new AsyncResult<>("child", app, result("parent"));
      assertThat(child.get(GetOptions.defaults().followParents(false))).isEqualTo("mine");
    }

    @Test
    void parentFailureIsIgnoredWithoutPropagate() {
      store(TaskMeta.failure("parent", new KeyError("p")));
      store(TaskMeta.success("child", "mine"));
      AsyncResult<String> child = new AsyncResult<>("child", app, result("parent"));
      assertThat(child.outcome().value()).isEqualTo("mine");
      assertThat(child.value(GetOptions.defaults().propagate(false))).isEqualTo("mine");
    }

    @Test
    void parentFailureStoredDuringTheWaitIsRaisedAtTheNextInterval() {
      // GIVEN a parent that fails at t=3s and a child that would succeed at t=10s
      KeyError boom = new KeyError("parent failed");
      app.clock().schedule(ofSeconds(3), () -> store(TaskMeta.failure("parent", boom)));
      app.clock().schedule(ofSeconds(10), () -> store(TaskMeta.success("child", 1)));
      AsyncResult<Object> child = new AsyncResult<>("child", app, result("parent"));
      AtomicInteger userIntervals = new AtomicInteger();
      GetOptions options =
          GetOptions.defaults()
              .timeout(ofSeconds(20))
              .interval(ofSeconds(1))
              .onInterval(userIntervals::incrementAndGet);
      // WHEN waiting on the child THEN the parent's error ends the wait at t=3s
      assertThatThrownBy(() -> child.get(options)).isSameAs(boom);
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(3));
      assertThat(userIntervals.get()).isEqualTo(2);
    }

    @Test
    void parentIsGivenAtConstruction() {
      AsyncResult<Object> parent = result("p");
      assertThat(new AsyncResult<>("c", app, parent).parent()).isSameAs(parent);
      assertThat(result("c").parent()).isNull();
    }
  }

  @Nested
  class Caching {

    @Test
    void readyMetaIsCachedAndTheBackendIsAskedOnce() {
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.getTaskMeta("t")).thenReturn(TaskMeta.success("t", "v"));
      AsyncResult<String> r = new AsyncResult<>("t", backend, null, app, null);

      assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(r.status()).isEqualTo(TaskState.SUCCESS);
      assertThat(r.result()).isEqualTo("v");
      assertThat(r.info()).isEqualTo("v");
      assertThat(r.ready()).isTrue();
      assertThat(r.successful()).isTrue();
      assertThat(r.failed()).isFalse();
      assertThat(r.traceback()).isNull();
      assertThat(r.children()).isEmpty();
      assertThat(r.maybeThrow()).isEqualTo("v");
      assertThat(r.get()).isEqualTo("v");
      assertThat(r.isCached()).isTrue();

      verify(backend, times(1)).getTaskMeta("t");
      verify(backend, never()).waitFor(anyString(), any());
    }

    @Test
    void pendingMetaIsNotCachedSoTheBackendIsAskedEachTime() {
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.getTaskMeta("t"))
          .thenReturn(TaskMeta.pending("t"), TaskMeta.pending("t"), TaskMeta.success("t", 1));
      AsyncResult<Integer> r = new AsyncResult<>("t", backend, null, app, null);

      assertThat(r.state()).isEqualTo(TaskState.PENDING);
      assertThat(r.ready()).isFalse();
      assertThat(r.isCached()).isFalse();
      assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
      // from now on the cache answers
      assertThat(r.ready()).isTrue();
      assertThat(r.result()).isEqualTo(1);
      assertThat(r.state()).isEqualTo(TaskState.SUCCESS);

      verify(backend, times(3)).getTaskMeta("t");
    }

    @Test
    void metaWaitedForIsCachedSoTheBackendIsNotAskedAgain() {
      InMemoryBackend backend = spy(new InMemoryBackend(app.clock()));
      backend.store(TaskMeta.success("t", 5));
      AsyncResult<Integer> r = new AsyncResult<>("t", backend, null, app, null);

      assertThat(r.get()).isEqualTo(5);
      assertThat(r.get()).isEqualTo(5);
      assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(r.ready()).isTrue();

      verify(backend, times(1)).waitFor(eq("t"), any());
      verify(backend, never()).getTaskMeta("t");
    }

    @Test
    void cachedMetaIsKeptWhenTheBackendChangesLater() {
      AsyncResult<Object> r = result("task1");
      assertThat(r.ready()).isTrue();
      // SUCCESS is final in the backend (Celery's _store_result): forget it to change it.
      app.backend().forget("task1");
      store(TaskMeta.failure("task1", new KeyError("overwritten")));
      assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(r.result()).isEqualTo("the");
      assertThat(result("task1").state()).isEqualTo(TaskState.FAILURE);
    }

    @Test
    void maybeSetCacheIgnoresMissingAndUnreadyMetas() {
      AsyncResult<Object> r = result("uuid");
      assertThat(r.maybeSetCache(null)).isNull();
      assertThat(r.isCached()).isFalse();
      TaskMeta pending = TaskMeta.pending("uuid");
      assertThat(r.maybeSetCache(pending)).isSameAs(pending);
      TaskMeta started = TaskMeta.builder("uuid", TaskState.STARTED).build();
      assertThat(r.maybeSetCache(started)).isSameAs(started);
      assertThat(r.isCached()).isFalse();
    }

    @Test
    void maybeSetCacheCachesTheFirstReadyMeta() {
      AsyncResult<Object> r = result("uuid");
      TaskMeta done = TaskMeta.success("uuid", 1);
      assertThat(r.maybeSetCache(done)).isSameAs(done);
      assertThat(r.isCached()).isTrue();
      assertThat(r.maybeSetCache(TaskMeta.success("uuid", 2))).isSameAs(done);
      assertThat(r.result()).isEqualTo(1);
    }

    @Test
    void forgetClearsTheCacheSoTheBackendIsAskedAgain() {
      ResultBackend backend = mock(ResultBackend.class);
      when(backend.getTaskMeta("t")).thenReturn(TaskMeta.success("t", 1));
      AsyncResult<Integer> r = new AsyncResult<>("t", backend, null, app, null);
      r.state();
      r.state();
      r.forget();
      assertThat(r.isCached()).isFalse();
      r.state();
      verify(backend, times(2)).getTaskMeta("t");
      verify(backend).forget("t");
    }
  }

  @Nested
  class Children {

    @Test
    void childrenAreBuiltFromTheStoredTuples() {
      List<ResultTuple> tuples = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        tuples.add(ResultTuple.of("child-" + i, null));
      }
      store(TaskMeta.builder("x", TaskState.SUCCESS).children(tuples).build());
      List<ResultBase> children = result("x").children();
      assertThat(children).hasSize(10).allMatch(c -> c instanceof AsyncResult<?>);
      assertThat(children.get(3)).isEqualTo(result("child-3"));
    }

    @Test
    void childrenAreEmptyWhenNoneWereStored() {
      assertThat(result("task1").children()).isEmpty();
      assertThat(result("never-stored").children()).isEmpty();
    }

    @Test
    void storedChildIsAmongTheChildren() {
      AsyncResult<Object> r2 = result("id2");
      store(TaskMeta.builder("id1", TaskState.SUCCESS).children(List.of(r2.asTuple())).build());
      assertThat(result("id1").children()).contains(r2);
    }

    @Test
    void childrenMayBeGroupsAndChainSteps() {
      ResultTuple group =
          ResultTuple.group(
              "g", null, List.of(ResultTuple.of("m1", null), ResultTuple.of("m2", null)));
      ResultTuple step = ResultTuple.of("s2", ResultTuple.of("s1", null));
      store(TaskMeta.builder("x", TaskState.SUCCESS).children(List.of(group, step)).build());
      List<ResultBase> children = result("x").children();
      assertThat(children.get(0)).isInstanceOf(GroupResult.class);
      assertThat(((GroupResult) children.get(0)).results())
          .containsExactly(result("m1"), result("m2"));
      assertThat(children.get(1).parent()).isEqualTo(result("s1"));
    }

    @Test
    void childrenOfAReadyResultAreTheSameObjectsEachTime() {
      store(withChildren("x", null, "c"));
      AsyncResult<Object> x = result("x");
      assertThat(x.children().get(0)).isSameAs(x.children().get(0));
    }
  }

  @Nested
  class Dependencies {

    private AsyncResult<Object> x;

    @BeforeEach
    void tree() {
      // x -> [a, b], a -> [a1], b -> [b1]
      store(withChildren("x", null, "a", "b"));
      store(withChildren("a", "A", "a1"));
      store(withChildren("b", "B", "b1"));
      store(TaskMeta.success("a1", "A1"));
      store(TaskMeta.success("b1", "B1"));
      x = result("x");
    }

    @Test
    void iterdepsWalksTheTreeBreadthFirst() {
      assertThat(x.iterdeps())
          .containsExactly(
              new ResultEdge(null, x),
              new ResultEdge(x, result("a")),
              new ResultEdge(x, result("b")),
              new ResultEdge(result("a"), result("a1")),
              new ResultEdge(result("b"), result("b1")));
    }

    @Test
    void iterdepsOfAResultWithChildrenYieldsEachChild() {
      store(withChildren("1", null, "0c", "1c", "2c"));
      for (int i = 0; i < 3; i++) {
        store(TaskMeta.success(i + "c", i));
      }
      AsyncResult<Object> one = result("1");
      assertThat(one.iterdeps())
          .containsExactly(
              new ResultEdge(null, one),
              new ResultEdge(one, result("0c")),
              new ResultEdge(one, result("1c")),
              new ResultEdge(one, result("2c")));
    }

    @Test
    void iterdepsRaisesIncompleteStreamAtANodeNotReady() {
      AsyncResult<Object> pending = result("never-stored");
      Iterator<ResultEdge> it = pending.iterdeps().iterator();
      // the node itself is yielded, the walk then stops
      assertThat(it.next()).isEqualTo(new ResultEdge(null, pending));
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(IncompleteStreamException.class)
          .hasMessageContaining("never-stored")
          .hasMessageContaining("PENDING");
    }

    @Test
    void iterdepsRaisesIncompleteStreamForAChildNotReady() {
      store(withChildren("y", null, "ready", "running"));
      store(TaskMeta.success("ready", 1));
      store(TaskMeta.builder("running", TaskState.STARTED).build());
      store(withChildren("ready", 1, "grandchild"));
      assertThatThrownBy(() -> result("y").iterdeps().toList())
          .isInstanceOf(IncompleteStreamException.class)
          .hasMessageContaining("running");
    }

    @Test
    void iterdepsWithIntermediateYieldsANodeNotReadyWithoutItsChildren() {
      AsyncResult<Object> pending = result("never-stored");
      assertThat(pending.iterdeps(true)).containsExactly(new ResultEdge(null, pending));
      store(withChildren("y", null, "running"));
      store(TaskMeta.builder("running", TaskState.STARTED).build());
      AsyncResult<Object> y = result("y");
      assertThat(y.iterdeps(true))
          .containsExactly(new ResultEdge(null, y), new ResultEdge(y, result("running")));
    }

    @Test
    void collectYieldsEachResultWithItsValue() {
      // Celery's test_build_graph_get_leaf_collect: 1 -> c0 -> c1 -> c2
      store(withChildren("1", null, "c0"));
      store(withChildren("c0", 0, "c1"));
      store(withChildren("c1", 1, "c2"));
      store(TaskMeta.success("c2", 2));
      AsyncResult<Object> one = result("1");
      assertThat(one.collect())
          .containsExactly(
              new CollectedValue(one, null),
              new CollectedValue(result("c0"), 0),
              new CollectedValue(result("c1"), 1),
              new CollectedValue(result("c2"), 2));
      assertThat(one.getLeaf()).isEqualTo(2);
    }

    @Test
    void collectWaitsForResultsThatCompleteLater() {
      // GIVEN a root that completes at t=1s with a child completing at t=5s
      app.clock().schedule(ofSeconds(1), () -> store(withChildren("root", "r", "kid")));
      app.clock().schedule(ofSeconds(5), () -> store(TaskMeta.success("kid", "k")));
      AsyncResult<Object> root = result("root");
      // WHEN collecting THEN each node is waited for as get() would
      assertThat(root.collect(false, GetOptions.defaults().timeout(ofSeconds(10))))
          .containsExactly(new CollectedValue(root, "r"), new CollectedValue(result("kid"), "k"));
      assertThat(app.clock().elapsed()).isEqualTo(ofSeconds(5));
    }

    @Test
    void collectRaisesAFailedNodesException() {
      KeyError boom = new KeyError("b1 failed");
      app.backend().forget("b1"); // a stored SUCCESS is final (Celery's _store_result)
      store(TaskMeta.failure("b1", boom));
      assertThatThrownBy(() -> x.collect().toList()).isSameAs(boom);
    }

    @Test
    void collectPassesItsOptionsToEachGet() {
      KeyError boom = new KeyError("b1 failed");
      app.backend().forget("b1"); // a stored SUCCESS is final (Celery's _store_result)
      store(TaskMeta.failure("b1", boom));
      List<Object> values =
          x.collect(false, GetOptions.defaults().propagate(false))
              .map(CollectedValue::value)
              .toList();
      assertThat(values).containsExactly(null, "A", "B", "A1", boom);
    }

    @Test
    void collectWithIntermediateStopsQuietlyAtANodeThatIsNotReady() {
      // An ignored result is not waited for, so it is still not ready when the walk moves on.
      AsyncResult<Object> ignored = result("never-stored");
      ignored.ignored(true);
      assertThat(ignored.collect(true, GetOptions.defaults()))
          .containsExactly(new CollectedValue(ignored, null));
      assertThatThrownBy(() -> ignored.collect(false, GetOptions.defaults()).toList())
          .isInstanceOf(IncompleteStreamException.class);
    }

    @Test
    void getLeafReturnsTheValueOfTheLastNodeReached() {
      assertThat(x.getLeaf()).isEqualTo("B1");
    }

    @Test
    void graphHasAnEdgeFromEachNodeToEachChild() {
      DependencyGraph<ResultBase> graph = x.graph();
      assertThat(graph).containsExactly(x, result("a"), result("b"), result("a1"), result("b1"));
      assertThat(graph.adjacent(x)).containsExactly(result("a"), result("b"));
      assertThat(graph.adjacent(result("a"))).containsExactly(result("a1"));
      assertThat(graph.adjacent(result("b1"))).isEmpty();
    }

    @Test
    void graphPrintsCelerysDot() {
      String node =
          "shape=\"oval\", arrowhead=\"vee\", style=\"filled\", fontname=\"HelveticaNeue\"";
      String inner = node + ", fillcolor=\"palegreen3\", color=\"palegreen4\"";
      String term = node + ", fillcolor=\"palegreen1\", color=\"palegreen2\"";
      String edge = node + ", color=\"darkseagreen4\", arrowcolor=\"black\", arrowsize=\"0.7\"";
      assertThat(x.graph().toDot())
          .isEqualTo(
              "digraph dependencies {\n"
                  + "    graph ["
                  + node
                  + ", bgcolor=\"mintcream\", root=\"x\"]\n"
                  + "    \"x\" ["
                  + inner
                  + "]\n"
                  + "    \"x\" -> \"a\" ["
                  + edge
                  + "]\n"
                  + "    \"x\" -> \"b\" ["
                  + edge
                  + "]\n"
                  + "    \"a\" ["
                  + inner
                  + "]\n"
                  + "    \"a\" -> \"a1\" ["
                  + edge
                  + "]\n"
                  + "    \"b\" ["
                  + inner
                  + "]\n"
                  + "    \"b\" -> \"b1\" ["
                  + edge
                  + "]\n"
                  + "    \"a1\" ["
                  + term
                  + "]\n"
                  + "    \"b1\" ["
                  + term
                  + "]\n"
                  + "}\n");
    }

    @Test
    void buildGraphWithIntermediateIncludesNodesNotReady() {
      store(withChildren("y", null, "running"));
      store(TaskMeta.builder("running", TaskState.STARTED).build());
      AsyncResult<Object> y = result("y");
      assertThatThrownBy(() -> y.buildGraph(false, null))
          .isInstanceOf(IncompleteStreamException.class);
      DependencyGraph<ResultBase> graph = y.buildGraph(true, null);
      assertThat(graph).containsExactly(y, result("running"));
    }

    @Test
    void buildGraphUsesTheGivenFormatter() {
      GraphFormatter<ResultBase> formatter =
          GraphFormatter.builder().id("mine").<ResultBase>build();
      DependencyGraph<ResultBase> graph = x.buildGraph(false, formatter);
      assertThat(graph.formatter()).isSameAs(formatter);
      assertThat(graph.toDot()).startsWith("digraph mine {\n");
    }
  }

  @Nested
  class Forget {

    @Test
    void forgetRemovesTheResultAndItsParents() {
      // GIVEN first -> second -> third -> last, all stored
      store(TaskMeta.success("first", 0));
      AsyncResult<Object> first = result("first");
      AsyncResult<Object> second = new AsyncResult<>("task1", app, first);
      AsyncResult<Object> third = new AsyncResult<>("task2", app, second);
      AsyncResult<Object> last = new AsyncResult<>("task3", app, third);
      assertThat(second.result()).isEqualTo("the");
      // WHEN forgetting the last step
      last.forget();
      // THEN every step reads PENDING again
      for (AsyncResult<Object> r : List.of(first, second, third, last)) {
        assertThat(r.result()).as(r.id()).isNull();
        assertThat(r.state()).as(r.id()).isEqualTo(TaskState.PENDING);
        assertThat(app.backend().exists(r.id())).as(r.id()).isFalse();
      }
      assertThat(app.backend().exists("task4")).isTrue();
    }

    @Test
    void forgetLeavesChildrenAlone() {
      store(withChildren("x", null, "kid"));
      store(TaskMeta.success("kid", 1));
      result("x").forget();
      assertThat(app.backend().exists("x")).isFalse();
      assertThat(app.backend().exists("kid")).isTrue();
    }

    @Test
    void forgetForgetsAGroupParentsMembers() {
      store(TaskMeta.success("m1", 1));
      store(TaskMeta.success("m2", 2));
      GroupResult group = new GroupResult("g", List.of(result("m1"), result("m2")), app);
      new AsyncResult<>("task1", app, group).forget();
      assertThat(app.backend().taskIds()).doesNotContain("m1", "m2", "task1");
    }
  }

  @Nested
  class Revoke {

    @Test
    void revokeSendsOneRequestWithTheIdThroughTheControl() {
      result("t1").revoke();
      assertThat(app.control().requests())
          .singleElement()
          .satisfies(
              request -> {
                assertThat(request.taskIds()).containsExactly("t1");
                assertThat(request.options()).isEqualTo(RevokeOptions.defaults());
                assertThat(request.at()).isEqualTo(app.clock().now());
                assertThat(request.byStampedHeaders()).isFalse();
              });
    }

    @Test
    void revokePassesTerminateSignalWaitAndTimeout() {
      RevokeOptions options =
          RevokeOptions.defaults()
              .terminate(true)
              .signal("SIGKILL")
              .waitForReplies(true)
              .timeout(ofSeconds(2));
      result("t1").revoke(options);
      assertThat(app.control().requests())
          .extracting(RevokeRequest::options)
          .containsExactly(options);
    }

    @Test
    void revokeByStampedHeadersSendsTheHeaders() {
      Map<String, Object> headers = Map.of("monitoring_id", List.of("m-1", "m-2"));
      result("t1").revokeByStampedHeaders(headers);
      result("t1")
          .revokeByStampedHeaders(Map.of("stamp", "s"), RevokeOptions.defaults().terminate(true));
      List<RevokeRequest> requests = app.control().requests();
      assertThat(requests).hasSize(2).allMatch(RevokeRequest::byStampedHeaders);
      assertThat(requests.get(0).headers()).isEqualTo(headers);
      assertThat(requests.get(0).taskIds()).isEmpty();
      assertThat(requests.get(1).options().terminate()).isTrue();
      assertThat(app.control().revoked()).isEmpty();
    }

    @Test
    void revokeByStampedHeadersRejectsMissingHeaders() {
      assertThatThrownBy(() -> result("t1").revokeByStampedHeaders(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("headers");
    }

    @Test
    void revokingChangesNothingStored() {
      result("task1").revoke();
      assertThat(result("task1").state()).isEqualTo(TaskState.SUCCESS);
    }
  }

  @Nested
  class ThenAndThrow {

    @Test
    void thenRunsTheCallbackWhenTheResultIsStored() {
      app.clock().schedule(ofSeconds(2), () -> store(TaskMeta.success("t", 5)));
      AsyncResult<Integer> r = result("t");
      CompletableFuture<Integer> doubled = r.then(res -> res.get() * 2, null);
      assertThat(doubled).isNotDone();
      app.clock().advance(ofSeconds(5));
      assertThat(doubled).isCompletedWithValue(10);
      assertThat(r.isCached()).isTrue();
    }

    @Test
    void thenOnAReadyResultRunsAtOnce() {
      AsyncResult<String> r = result("task1");
      List<String> seen = new ArrayList<>();
      CompletableFuture<Boolean> f = r.then(res -> seen.add(res.id()), null);
      assertThat(f).isCompletedWithValue(true);
      assertThat(seen).containsExactly("task1");
    }

    @Test
    void thenIsNotCalledForAResultThatIsNotReadyYet() {
      store(TaskMeta.builder("t", TaskState.STARTED).build());
      CompletableFuture<String> f =
          AsyncResultTest.this.<Object>result("t").then(res -> "done", null);
      store(TaskMeta.builder("t", TaskState.RETRY).build());
      assertThat(f).isNotDone();
      store(TaskMeta.success("t", 1));
      assertThat(f).isCompletedWithValue("done");
    }

    @Test
    void thenCallbackFailureGoesToTheErrorCallback() {
      KeyError oops = new KeyError("oops");
      CompletableFuture<String> f =
          AsyncResultTest.this
              .<Object>result("task1")
              .then(
                  res -> {
                    throw oops;
                  },
                  err -> "handled " + err.getMessage());
      assertThat(f).isCompletedWithValue("handled oops");
    }

    @Test
    void throwErrorNotifiesTheErrorCallbacksOfThenAndReRaisesAsVinesPromiseThrow() {
      // vine/promises.py, promise.throw: the pending then-promises get throw1(exc), then
      // `if self.on_error is None and propagate: reraise(...)`; a result's on_ready has no
      // on_error, so celery/result.py's AsyncResult.throw always re-raises.
      AsyncResult<Object> r = result("never-stored");
      CompletableFuture<String> f = r.then(res -> "ok", err -> "handled " + err.getMessage());
      KeyError e = new KeyError("thrown");
      assertThatThrownBy(() -> r.throwError(e)).isSameAs(e);
      assertThat(f).isCompletedWithValue("handled thrown");
    }

    @Test
    void throwErrorWithoutErrorCallbackRaisesTheUncheckedExceptionItself() {
      AsyncResult<Object> r = result("never-stored");
      KeyError e = new KeyError("thrown");
      assertThatThrownBy(() -> r.throwError(e)).isSameAs(e);
    }

    @Test
    void throwErrorWithoutErrorCallbackWrapsACheckedException() {
      AsyncResult<Object> r = result("never-stored");
      CheckedFailure checked = new CheckedFailure("checked");
      assertThatThrownBy(() -> r.throwError(checked))
          .isInstanceOf(TaskFailedException.class)
          .hasCauseReference(checked);
    }
  }

  @Nested
  class MaybeThrow {

    @Test
    void maybeThrowRaisesForAFailureAndReturnsTheValueOtherwise() {
      assertThatThrownBy(() -> result("task3").maybeThrow()).isSameAs(brown);
      assertThat(result("task1").maybeThrow()).isEqualTo("the");
      assertThat(result("task4").maybeThrow()).as("RETRY does not propagate").isSameAs(red);
      assertThat(result("never-stored").maybeThrow()).isNull();
    }

    @Test
    void maybeThrowCallsTheCallbackWithIdAndValue() {
      List<Object> calls = new ArrayList<>();
      result("task1").maybeThrow(true, (id, v) -> calls.add(id + "=" + v));
      result("task3").maybeThrow(false, (id, v) -> calls.add(id + "=" + v));
      assertThat(calls).containsExactly("task1=the", "task3=" + brown);
    }

    @Test
    void maybeThrowDoesNotCallTheCallbackWhenItRaises() {
      List<Object> calls = new ArrayList<>();
      assertThatThrownBy(() -> result("task3").maybeThrow(true, (id, v) -> calls.add(id)))
          .isSameAs(brown);
      assertThat(calls).isEmpty();
    }

    @Test
    void maybeReraiseIsAliasOfMaybeThrow() {
      assertThatThrownBy(() -> result("task3").maybeReraise(true, null)).isSameAs(brown);
      assertThat(result("task3").maybeReraise(false, null)).isSameAs(brown);
    }

    @Test
    void maybeThrowReRaisesARevokedTasksException() {
      TaskRevokedException revoked = new TaskRevokedException("terminated");
      store(TaskMeta.builder("rv", TaskState.REVOKED).result(revoked).build());
      assertThatThrownBy(() -> result("rv").maybeThrow()).isSameAs(revoked);
    }
  }

  @Nested
  class Serialization {

    @Test
    void asTupleOfAResultWithoutParent() {
      ResultTuple t = result("x").asTuple();
      assertThat(t).isEqualTo(ResultTuple.of("x", null));
      assertThat(t.toString()).isEqualTo("(('x', None), None)");
    }

    @Test
    void asTupleIncludesTheParentChain() {
      AsyncResult<Object> c3 =
          new AsyncResult<>("c3", app, new AsyncResult<>("c2", app, result("c1")));
      assertThat(c3.asTuple())
          .isEqualTo(ResultTuple.of("c3", ResultTuple.of("c2", ResultTuple.of("c1", null))));
      assertThat(c3.asTuple().toString())
          .isEqualTo("(('c3', (('c2', (('c1', None), None)), None)), None)");
    }

    @Test
    void asTupleWithAGroupParent() {
      GroupResult group = new GroupResult("g", List.of(result("m")), app);
      ResultTuple t = new AsyncResult<>("after", app, group).asTuple();
      assertThat(t.parent()).isEqualTo(group.asTuple());
      assertThat(t.toString()).isEqualTo("(('after', (('g', None), [(('m', None), None)])), None)");
    }

    @Test
    void asListReturnsTheIdsNearestFirst() {
      AsyncResult<Object> c3 =
          new AsyncResult<>("c3", app, new AsyncResult<>("c2", app, result("c1")));
      assertThat(c3.asList()).containsExactly("c3", "c2", "c1");
      assertThat(result("alone").asList()).containsExactly("alone");
    }

    @Test
    void asListOfAResultWithAGroupParentIsUnsupported() {
      GroupResult group = new GroupResult("grp", List.of(result("m")), app);
      AsyncResult<Object> after = new AsyncResult<>("after", app, group);
      assertThatThrownBy(after::asList)
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("grp")
          .hasMessageContaining("GroupResult");
    }

    @Test
    void tupleRoundTripGivesAnEqualResultWithEqualParents() {
      AsyncResult<Object> x = new AsyncResult<>("x", app, result("p"));
      ResultBase y = ResultTuple.toResult(x.asTuple(), app);
      assertThat(y).isEqualTo(x).isInstanceOf(AsyncResult.class);
      assertThat(y.parent()).isEqualTo(x.parent()).isInstanceOf(AsyncResult.class);
    }
  }
}
