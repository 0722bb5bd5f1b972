package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class InMemoryBackendTest {

  private static final TaskState PROGRESS = TaskState.of("PROGRESS");
  private static final Instant DONE = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualClock clock = new VirtualClock();
  private final InMemoryBackend backend = new InMemoryBackend(clock);

  @Mock private Consumer<TaskMeta> listener;
  @Mock private Consumer<TaskMeta> otherListener;

  private static GetOptions timeout(Duration timeout) {
    return GetOptions.defaults().timeout(timeout);
  }

  private void storeAt(Duration delay, TaskMeta meta) {
    clock.schedule(delay, () -> backend.store(meta));
  }

  /** A SUCCESS stored by a worker: with its date_done, so the backend stores it as it is. */
  private static TaskMeta success(String id, Object value) {
    return TaskMeta.builder(id, TaskState.SUCCESS).result(value).dateDone(DONE).build();
  }

  /** A FAILURE stored by a worker, with its date_done. */
  private static TaskMeta failure(String id, Throwable exception) {
    return TaskMeta.builder(id, TaskState.FAILURE).result(exception).dateDone(DONE).build();
  }

  private static TaskMeta progress(String id, int done) {
    return TaskMeta.builder(id, PROGRESS).result(Map.of("done", done)).build();
  }

  @Nested
  class Storing {

    @Test
    void successIsFinalSoLaterStoresAreIgnoredAsInCelerysKeyValueBackends() {
      // celery/backends/base.py, BaseKeyValueStoreBackend._store_result: "if the status is a
      // success then we ignore any following update to the state".
      TaskMeta done = success("t1", "first");
      backend.store(done);
      backend.subscribe("t1", listener);

      backend.store(TaskMeta.builder("t1", TaskState.STARTED).build());
      backend.store(failure("t1", new IllegalStateException("a lost worker's late failure")));
      backend.store(success("t1", "second"));

      assertThat(backend.getTaskMeta("t1")).isSameAs(done);
      verifyNoInteractions(listener);
    }

    @Test
    void forgetClearsASuccessSoTheTaskCanBeStoredAgain() {
      backend.store(success("t1", "first"));
      backend.forget("t1");
      TaskMeta again = TaskMeta.builder("t1", TaskState.STARTED).build();
      backend.store(again);
      assertThat(backend.getTaskMeta("t1")).isSameAs(again);
    }

    @Test
    void aReadyMetaStoredWithoutDateDoneGetsTheVirtualClockTime() {
      // celery/backends/base.py, Backend._get_result_meta: date_done is set for every ready store.
      clock.advance(Duration.ofSeconds(7));
      backend.store(TaskMeta.success("t1", 42));
      backend.store(TaskMeta.builder("t2", TaskState.STARTED).build());

      assertThat(backend.getTaskMeta("t1").dateDone()).isEqualTo(clock.instant());
      assertThat(backend.getTaskMeta("t1").result()).isEqualTo(42);
      assertThat(backend.getTaskMeta("t2").dateDone()).as("not ready: no date_done").isNull();
    }

    @Test
    void unknownIdReadsAsPendingWithoutResult() {
      TaskMeta meta = backend.getTaskMeta("nobody-stored-this");
      assertThat(meta.state()).isEqualTo(TaskState.PENDING);
      assertThat(meta.taskId()).isEqualTo("nobody-stored-this");
      assertThat(meta.result()).isNull();
      assertThat(meta.isReady()).isFalse();
      assertThat(backend.exists("nobody-stored-this")).isFalse();
      assertThat(backend.size()).isZero();
    }

    @Test
    void storedMetaIsReadBack() {
      TaskMeta meta = success("t1", 42);
      backend.store(meta);
      assertThat(backend.getTaskMeta("t1")).isSameAs(meta);
      assertThat(backend.exists("t1")).isTrue();
      assertThat(backend.size()).isEqualTo(1);
      assertThat(backend.taskIds()).containsExactly("t1");
    }

    @Test
    void aLaterStoreReplacesTheEarlierOne() {
      backend.store(TaskMeta.builder("t1", TaskState.STARTED).build());
      backend.store(progress("t1", 3));
      backend.store(success("t1", "done"));
      assertThat(backend.getTaskMeta("t1").state()).isEqualTo(TaskState.SUCCESS);
      assertThat(backend.getTaskMeta("t1").result()).isEqualTo("done");
      assertThat(backend.size()).isEqualTo(1);
    }

    @Test
    void forgetMakesTheTaskReadAsPendingAgain() {
      backend.store(success("t1", 1));
      backend.store(success("t2", 2));
      backend.forget("t1");
      assertThat(backend.exists("t1")).isFalse();
      assertThat(backend.getTaskMeta("t1").state()).isEqualTo(TaskState.PENDING);
      assertThat(backend.getTaskMeta("t2").result()).isEqualTo(2);
      backend.forget("never-stored");
      assertThat(backend.taskIds()).containsExactly("t2");
    }

    @Test
    void clearRemovesMetasAndGroups() {
      backend.store(success("t1", 1));
      backend.saveGroup("g1", ResultTuple.group("g1", null, List.of(ResultTuple.of("t1", null))));
      backend.clear();
      assertThat(backend.size()).isZero();
      assertThat(backend.restoreGroup("g1")).isEmpty();
    }

    @Test
    void taskIdsIsASnapshot() {
      backend.store(success("t1", 1));
      var ids = backend.taskIds();
      backend.store(success("t2", 2));
      assertThat(ids).containsExactly("t1");
      assertThatThrownBy(() -> ids.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void storingNullIsRejected() {
      assertThatThrownBy(() -> backend.store(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("meta");
    }
  }

  @Nested
  class Groups {

    private final ResultTuple group =
        ResultTuple.group(
            "g1",
            ResultTuple.of("p", null),
            List.of(ResultTuple.of("m1", null), ResultTuple.of("m2", null)));

    @Test
    void savedGroupIsRestoredById() {
      backend.saveGroup("g1", group);
      assertThat(backend.restoreGroup("g1")).contains(group);
      assertThat(backend.restoreGroup("g2")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheGroup() {
      backend.saveGroup("g1", group);
      ResultTuple other = ResultTuple.group("g1", null, List.of());
      backend.saveGroup("g1", other);
      assertThat(backend.restoreGroup("g1")).contains(other);
    }

    @Test
    void deletedGroupIsGoneAndDeletingAMissingGroupIsIgnored() {
      backend.saveGroup("g1", group);
      backend.deleteGroup("g1");
      assertThat(backend.restoreGroup("g1")).isEmpty();
      backend.deleteGroup("g1");
      backend.deleteGroup("never-saved");
      assertThat(backend.restoreGroup("never-saved")).isEmpty();
    }

    @Test
    void groupsAndTaskMetasAreSeparate() {
      backend.saveGroup("same", group);
      assertThat(backend.exists("same")).isFalse();
      backend.store(success("other", 1));
      assertThat(backend.restoreGroup("other")).isEmpty();
    }

    @Test
    void savingANullGroupIsRejected() {
      assertThatThrownBy(() -> backend.saveGroup("g1", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("group");
    }
  }

  @Nested
  class Subscriptions {

    @Test
    void subscribedListenerReceivesExactlyTheStoredMetasInOrder() {
      ResultBackend.Subscription subscription = backend.subscribe("t1", listener);
      TaskMeta started = TaskMeta.builder("t1", TaskState.STARTED).build();
      TaskMeta progressed = progress("t1", 5);
      TaskMeta done = success("t1", 7);

      backend.store(started);
      backend.store(success("another-task", 0));
      backend.store(progressed);
      backend.store(done);

      InOrder order = inOrder(listener);
      order.verify(listener).accept(started);
      order.verify(listener).accept(progressed);
      order.verify(listener).accept(done);
      verifyNoMoreInteractions(listener);
      subscription.close();
    }

    @Test
    void closedSubscriptionReceivesNothingMoreAndClosingTwiceDoesNothing() {
      ResultBackend.Subscription subscription = backend.subscribe("t1", listener);
      backend.subscribe("t1", otherListener);
      TaskMeta first = TaskMeta.builder("t1", TaskState.STARTED).build();
      backend.store(first);

      subscription.close();
      subscription.close();
      TaskMeta second = success("t1", 1);
      backend.store(second);

      verify(listener).accept(first);
      verify(listener, never()).accept(second);
      verify(otherListener).accept(first);
      verify(otherListener).accept(second);
      verifyNoMoreInteractions(listener, otherListener);
    }

    @Test
    void listenerIsNotCalledForWhatWasStoredBeforeItSubscribed() {
      backend.store(success("t1", 1));
      backend.subscribe("t1", listener);
      verifyNoInteractions(listener);
      assertThat(backend.getTaskMeta("t1").result()).isEqualTo(1);
    }

    @Test
    void theSameListenerSubscribedTwiceIsCalledTwiceUntilBothAreClosed() {
      ResultBackend.Subscription a = backend.subscribe("t1", listener);
      ResultBackend.Subscription b = backend.subscribe("t1", listener);
      TaskMeta first = TaskMeta.builder("t1", TaskState.STARTED).build();
      backend.store(first);
      verify(listener, times(2)).accept(first);

      a.close();
      TaskMeta second = TaskMeta.builder("t1", TaskState.RETRY).build();
      backend.store(second);
      verify(listener, times(1)).accept(second);

      b.close();
      backend.store(success("t1", 0));
      verifyNoMoreInteractions(listener);
    }

    @Test
    void resubscribingAfterTheLastListenerLeftWorks() {
      backend.subscribe("t1", otherListener).close();
      backend.subscribe("t1", listener);
      TaskMeta meta = success("t1", 1);
      backend.store(meta);
      verify(listener).accept(meta);
      verifyNoInteractions(otherListener);
    }

    @Test
    void subscribingANullListenerIsRejected() {
      assertThatThrownBy(() -> backend.subscribe("t1", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("listener");
    }
  }

  @Nested
  class Expiry {

    @Test
    void readyResultExpiresAfterTheTtlOnTheVirtualClock() {
      backend.resultExpires(Duration.ofHours(1));
      backend.store(success("t1", 1));

      clock.advance(Duration.ofHours(1).minusNanos(1));
      assertThat(backend.exists("t1")).isTrue();
      assertThat(backend.getTaskMeta("t1").state()).isEqualTo(TaskState.SUCCESS);

      clock.advance(Duration.ofNanos(1));
      assertThat(backend.exists("t1")).isFalse();
      assertThat(backend.getTaskMeta("t1").state()).isEqualTo(TaskState.PENDING);
      assertThat(backend.getTaskMeta("t1").result()).isNull();
    }

    @Test
    void unreadyStatesExpireTooAsInCeleryRedisAndCacheBackends() {
      backend.resultExpires(Duration.ofMinutes(1));
      backend.store(TaskMeta.builder("t1", TaskState.STARTED).build());
      backend.store(progress("t2", 1));
      backend.store(
          TaskMeta.builder("t3", TaskState.RETRY)
              .result(new IllegalStateException("busy"))
              .build());
      assertThat(clock.hasPendingEvents()).isFalse();
      clock.advance(Duration.ofSeconds(59));
      assertThat(backend.getTaskMeta("t1").state()).isEqualTo(TaskState.STARTED);
      assertThat(backend.getTaskMeta("t2").state()).isEqualTo(PROGRESS);
      assertThat(backend.getTaskMeta("t3").state()).isEqualTo(TaskState.RETRY);
      clock.advance(Duration.ofSeconds(1));
      assertThat(backend.getTaskMeta("t1").state()).isEqualTo(TaskState.PENDING);
      assertThat(backend.getTaskMeta("t2").state()).isEqualTo(TaskState.PENDING);
      assertThat(backend.getTaskMeta("t3").state()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void aProgressStoreAndTheResultAfterItEachLiveForTheirOwnTtl() {
      backend.resultExpires(Duration.ofMinutes(1));
      backend.store(progress("t1", 1));
      clock.advance(Duration.ofSeconds(30));
      backend.store(success("t1", 7));
      clock.advance(Duration.ofSeconds(30));
      assertThat(backend.getTaskMeta("t1").result()).isEqualTo(7);
      clock.advance(Duration.ofSeconds(30));
      assertThat(backend.exists("t1")).isFalse();
    }

    @Test
    void everyReadyStateExpires() {
      backend.resultExpires(Duration.ofMinutes(1));
      backend.store(success("s", 1));
      backend.store(failure("f", new IllegalStateException("boom")));
      backend.store(TaskMeta.builder("r", TaskState.REVOKED).build());
      clock.advance(Duration.ofMinutes(1));
      assertThat(backend.size()).isZero();
    }

    @Test
    void aNewerStoreOfTheSameIdIsNotRemovedByTheOlderExpiry() {
      backend.resultExpires(Duration.ofHours(1));
      // STARTED first: a stored SUCCESS would be final (Celery's _store_result).
      backend.store(TaskMeta.builder("t1", TaskState.STARTED).result("old").build());
      clock.advance(Duration.ofMinutes(30));
      backend.store(success("t1", "new"));

      clock.advance(Duration.ofMinutes(31));
      assertThat(backend.getTaskMeta("t1").result()).isEqualTo("new");

      clock.advance(Duration.ofMinutes(29));
      assertThat(backend.exists("t1")).isFalse();
    }

    @Test
    void anEqualMetaStoredAgainLivesForItsOwnTtl() {
      backend.resultExpires(Duration.ofHours(1));
      // Unready metas: a stored SUCCESS would be final (Celery's _store_result).
      backend.store(progress("t1", 1));
      clock.advance(Duration.ofMinutes(30));
      backend.store(progress("t1", 1));

      clock.advance(Duration.ofMinutes(31));
      assertThat(backend.exists("t1"))
          .as("stored again at 30m with a 1h ttl, so still there at 61m")
          .isTrue();

      clock.advance(Duration.ofMinutes(29));
      assertThat(backend.exists("t1")).isFalse();
    }

    @Test
    void theSameMetaInstanceStoredAgainLivesForItsOwnTtl() {
      backend.resultExpires(Duration.ofHours(1));
      // An unready meta: a stored SUCCESS would be final (Celery's _store_result).
      TaskMeta meta = progress("t1", 1);
      backend.store(meta);
      clock.advance(Duration.ofMinutes(30));
      backend.store(meta);

      clock.advance(Duration.ofMinutes(31));
      assertThat(backend.exists("t1")).isTrue();
      clock.advance(Duration.ofMinutes(29));
      assertThat(backend.exists("t1")).isFalse();
    }

    @Test
    void aResultForgottenAndStoredAgainIsNotRemovedByTheOlderExpiry() {
      backend.resultExpires(Duration.ofHours(1));
      TaskMeta meta = success("t1", 1);
      backend.store(meta);
      clock.advance(Duration.ofMinutes(10));
      backend.forget("t1");
      backend.store(meta);
      clock.advance(Duration.ofMinutes(55));
      assertThat(backend.exists("t1")).isTrue();
    }

    @Test
    void savedGroupsExpireToo() {
      backend.resultExpires(Duration.ofMinutes(10));
      ResultTuple group = ResultTuple.group("g1", null, List.of(ResultTuple.of("m", null)));
      backend.saveGroup("g1", group);
      clock.advance(Duration.ofMinutes(10).minusNanos(1));
      assertThat(backend.restoreGroup("g1")).contains(group);
      clock.advance(Duration.ofNanos(1));
      assertThat(backend.restoreGroup("g1")).isEmpty();
    }

    @Test
    void aGroupSavedAgainLivesForItsOwnTtl() {
      backend.resultExpires(Duration.ofMinutes(10));
      backend.saveGroup("g1", ResultTuple.group("g1", null, List.of(ResultTuple.of("m", null))));
      clock.advance(Duration.ofMinutes(5));
      backend.saveGroup("g1", ResultTuple.group("g1", null, List.of(ResultTuple.of("m", null))));
      clock.advance(Duration.ofMinutes(6));
      assertThat(backend.restoreGroup("g1")).isPresent();
      clock.advance(Duration.ofMinutes(4));
      assertThat(backend.restoreGroup("g1")).isEmpty();
    }

    @Test
    void withoutResultExpiresNothingExpires() {
      assertThat(backend.resultExpires()).isNull();
      backend.store(success("t1", 1));
      backend.saveGroup("g1", ResultTuple.group("g1", null, List.of()));
      assertThat(clock.hasPendingEvents()).isFalse();
      clock.advance(Duration.ofDays(3650));
      assertThat(backend.exists("t1")).isTrue();
      assertThat(backend.restoreGroup("g1")).isPresent();
    }

    @Test
    void expiryOnlyAppliesToWhatIsStoredAfterItIsSet() {
      backend.store(success("before", 1));
      backend.resultExpires(Duration.ofMinutes(1));
      backend.store(success("after", 1));
      backend.resultExpires(null);
      clock.advance(Duration.ofMinutes(2));
      assertThat(backend.taskIds()).containsExactly("before");
    }

    @Test
    void nonPositiveTtlIsRejectedNamingTheValue() {
      assertThatThrownBy(() -> backend.resultExpires(Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT0S")
          .hasMessageContaining("must be positive");
      assertThatThrownBy(() -> backend.resultExpires(Duration.ofSeconds(-5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PT-5S");
      assertThat(backend.resultExpires()).isNull();
    }

    @Test
    void expiryIsHousekeepingAndDoesNotCountAsProgressForAWait() {
      backend.resultExpires(Duration.ofHours(1));
      backend.store(success("other", 1));
      assertThatThrownBy(() -> backend.waitFor("t1", GetOptions.defaults()))
          .isInstanceOf(WouldBlockForeverException.class);
      assertThat(clock.elapsed()).isZero();
      assertThat(backend.exists("other")).isTrue();
    }
  }

  @Nested
  class IdValidation {

    static Stream<Arguments> badIds() {
      return Stream.of(
          Arguments.of(null, "got null"),
          Arguments.of("", "got \"\""),
          Arguments.of("   ", "got \"   \""),
          Arguments.of("\t\n", "got \"\t\n\""));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void blankOrNullTaskIdsAreRejectedWithAClearMessage(String id, String shown) {
      List<Runnable> calls =
          List.of(
              () -> backend.getTaskMeta(id),
              () -> backend.forget(id),
              () -> backend.exists(id),
              () -> backend.subscribe(id, listener),
              () -> backend.waitFor(id, GetOptions.defaults()),
              () -> backend.iterNative(java.util.Arrays.asList("ok", id), GetOptions.defaults()));
      for (Runnable call : calls) {
        assertThatThrownBy(call::run)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("task id must be a non-blank string")
            .hasMessageEndingWith(shown);
      }
      verifyNoInteractions(listener);
      assertThat(clock.elapsed()).isZero();
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void blankOrNullGroupIdsAreRejectedWithAMessageNamingTheGroupId(String id, String shown) {
      ResultTuple group = ResultTuple.group("g", null, List.of());
      List<Runnable> calls =
          List.of(
              () -> backend.saveGroup(id, group),
              () -> backend.restoreGroup(id),
              () -> backend.deleteGroup(id));
      for (Runnable call : calls) {
        assertThatThrownBy(call::run)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("group id must be a non-blank string")
            .hasMessageEndingWith(shown);
      }
    }
  }

  @Nested
  class VirtualWaits {

    @Test
    void defaultModeIsVirtualAndWaitsAreMeasuredOnTheVirtualClock() {
      assertThat(backend.waitMode()).isEqualTo(WaitMode.VIRTUAL);
      assertThat(backend.clock()).isSameAs(clock);
      assertThat(backend.virtualClock()).isSameAs(clock);
      assertThat(new InMemoryBackend().virtualClock()).isNotNull().isNotSameAs(clock);
    }

    @Test
    void realTimeModeMeasuresWaitsOnTheSystemClock() {
      assertThat(backend.waitMode(WaitMode.REAL_TIME)).isSameAs(backend);
      assertThat(backend.clock()).isEqualTo(Clock.systemUTC());
      assertThat(backend.virtualClock()).isSameAs(clock);
    }

    @Test
    void waitReturnsAtTheVirtualTimeTheResultIsStored() {
      TaskMeta done = success("t1", 42);
      storeAt(Duration.ofSeconds(3), done);

      TaskMeta meta = backend.waitFor("t1", timeout(Duration.ofSeconds(10)));

      assertThat(meta).isSameAs(done);
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void waitDoesNotRunEventsAfterTheResultIsReady() {
      storeAt(Duration.ofSeconds(3), success("t1", 1));
      List<String> later = new ArrayList<>();
      clock.schedule(Duration.ofSeconds(4), () -> later.add("ran"));

      backend.waitFor("t1", timeout(Duration.ofSeconds(10)));

      assertThat(later).isEmpty();
      assertThat(clock.pendingEvents()).isEqualTo(1);
    }

    @Test
    void waitSkipsUnreadyStatesAndReturnsOnTheReadyOne() {
      storeAt(Duration.ofSeconds(1), TaskMeta.builder("t1", TaskState.STARTED).build());
      storeAt(Duration.ofSeconds(2), TaskMeta.builder("t1", TaskState.RETRY).build());
      storeAt(Duration.ofSeconds(5), failure("t1", new IllegalStateException("x")));

      TaskMeta meta = backend.waitFor("t1", timeout(Duration.ofSeconds(10)));

      assertThat(meta.state()).isEqualTo(TaskState.FAILURE);
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anAlreadyReadyResultIsReturnedWithoutMovingTheClock() {
      backend.store(success("t1", 1));
      clock.schedule(Duration.ofSeconds(1), () -> backend.store(success("t1", 2)));
      assertThat(backend.waitFor("t1", GetOptions.defaults()).result()).isEqualTo(1);
      assertThat(clock.elapsed()).isZero();
      assertThat(clock.pendingEvents()).isEqualTo(1);
    }

    @Test
    void timeoutPassesInVirtualTimeAndLeavesLaterEventsPending() {
      storeAt(Duration.ofSeconds(30), success("t1", 1));

      Throwable thrown =
          catchThrowable(() -> backend.waitFor("t1", timeout(Duration.ofSeconds(10))));

      assertThat(thrown)
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("The operation timed out.")
          .hasMessageContaining("t1")
          .hasMessageContaining("PT10S");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(10));
      assertThat(clock.pendingEvents()).isEqualTo(1);
      assertThat(clock.nextEventTime()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(30));
      assertThat(backend.getTaskMeta("t1").state()).isEqualTo(TaskState.PENDING);

      assertThat(backend.waitFor("t1", timeout(Duration.ofSeconds(20))).result()).isEqualTo(1);
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aResultStoredExactlyAtTheDeadlineIsReturned() {
      storeAt(Duration.ofSeconds(10), success("t1", "edge"));
      assertThat(backend.waitFor("t1", timeout(Duration.ofSeconds(10))).result()).isEqualTo("edge");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void zeroTimeoutChecksOnceAndTimesOutAtOnce() {
      storeAt(Duration.ofNanos(1), success("t1", 1));
      assertThatThrownBy(() -> backend.waitFor("t1", timeout(Duration.ZERO)))
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("The operation timed out.");
      assertThat(clock.elapsed()).isZero();
    }

    @Test
    void getWithAnHourTimeoutAdvancesExactlyAnHour() {
      InMemoryCelery app = InMemoryCelery.create();
      AsyncResult<Object> never = app.asyncResult("never");

      assertThatThrownBy(() -> never.get(Duration.ofHours(1)))
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("The operation timed out.");
      assertThat(app.clock().elapsed()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void noTimeoutAndNothingScheduledFailsAtOnce() {
      Throwable thrown = catchThrowable(() -> backend.waitFor("t1", GetOptions.defaults()));

      assertThat(thrown)
          .isInstanceOf(WouldBlockForeverException.class)
          .hasMessageContaining("t1")
          .hasMessageContaining("nothing scheduled on the virtual clock can complete it")
          .hasMessageContaining("block forever");
      assertThat(clock.elapsed()).isZero();
    }

    @Test
    void noTimeoutRunsScheduledEventsUntilTheResultIsReady() {
      storeAt(Duration.ofDays(2), success("t1", "eventually"));
      assertThat(backend.waitFor("t1", GetOptions.defaults()).result()).isEqualTo("eventually");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void noTimeoutFailsOnceTheScheduledEventsRanWithoutCompletingIt() {
      storeAt(Duration.ofSeconds(1), TaskMeta.builder("t1", TaskState.STARTED).build());
      storeAt(Duration.ofSeconds(2), success("unrelated", 1));

      assertThatThrownBy(() -> backend.waitFor("t1", GetOptions.defaults()))
          .isInstanceOf(WouldBlockForeverException.class)
          .hasMessageContaining("state STARTED");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
      assertThat(backend.exists("unrelated")).isTrue();
    }

    @Test
    void onIntervalFiresOncePerVirtualInterval() {
      List<Duration> ticks = new ArrayList<>();
      GetOptions options =
          timeout(Duration.ofSeconds(2))
              .interval(Duration.ofMillis(500))
              .onInterval(() -> ticks.add(clock.elapsed()));

      assertThatThrownBy(() -> backend.waitFor("t1", options))
          .isInstanceOf(ResultTimeoutException.class);

      assertThat(ticks)
          .containsExactly(
              Duration.ofMillis(500),
              Duration.ofMillis(1000),
              Duration.ofMillis(1500),
              Duration.ofMillis(2000));
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void onIntervalStopsWhenTheResultIsReady() {
      List<Duration> ticks = new ArrayList<>();
      storeAt(Duration.ofMillis(1200), success("t1", 1));
      GetOptions options =
          timeout(Duration.ofSeconds(10))
              .interval(Duration.ofMillis(500))
              .onInterval(() -> ticks.add(clock.elapsed()));

      backend.waitFor("t1", options);

      assertThat(ticks).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void onIntervalTicksWithoutTimeoutWhileProgressIsScheduled() {
      List<Duration> ticks = new ArrayList<>();
      storeAt(Duration.ofSeconds(2), success("t1", 1));
      GetOptions options =
          GetOptions.defaults()
              .interval(Duration.ofSeconds(1))
              .onInterval(() -> ticks.add(clock.elapsed()));

      backend.waitFor("t1", options);

      assertThat(ticks).containsExactly(Duration.ofSeconds(1));
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void onMessageReceivesEveryStateStoredWhileWaiting() {
      TaskMeta progressed = progress("t1", 50);
      TaskMeta done = success("t1", 100);
      storeAt(Duration.ofSeconds(1), progressed);
      storeAt(Duration.ofSeconds(2), success("other", 0));
      storeAt(Duration.ofSeconds(3), done);

      TaskMeta meta = backend.waitFor("t1", timeout(Duration.ofSeconds(10)).onMessage(listener));

      assertThat(meta).isSameAs(done);
      InOrder order = inOrder(listener);
      order.verify(listener).accept(progressed);
      order.verify(listener).accept(done);
      verifyNoMoreInteractions(listener);
    }

    @Test
    void onMessageIsUnsubscribedAfterTheWait() {
      // A FAILURE ends the wait and, unlike a SUCCESS, does not make later stores ignored.
      IllegalStateException boom = new IllegalStateException("boom");
      storeAt(Duration.ofSeconds(1), failure("t1", boom));
      backend.waitFor("t1", timeout(Duration.ofSeconds(5)).onMessage(listener));
      backend.store(success("t1", 2));
      verify(listener).accept(failure("t1", boom));
      verifyNoMoreInteractions(listener);
    }

    @Test
    void onMessageIsUnsubscribedAfterATimeout() {
      storeAt(Duration.ofSeconds(1), progress("t1", 1));
      assertThatThrownBy(
              () -> backend.waitFor("t1", timeout(Duration.ofSeconds(2)).onMessage(listener)))
          .isInstanceOf(ResultTimeoutException.class);
      backend.store(success("t1", 2));
      verify(listener).accept(progress("t1", 1));
      verifyNoMoreInteractions(listener);
    }
  }

  @Nested
  class NativeIteration {

    @Test
    void supportsNativeJoin() {
      assertThat(backend.supportsNativeJoin()).isTrue();
    }

    @Test
    void iterNativeYieldsInOrderOfReadiness() {
      storeAt(Duration.ofSeconds(3), success("b", "B"));
      storeAt(Duration.ofSeconds(1), success("c", "C"));
      storeAt(Duration.ofSeconds(2), failure("a", new IllegalStateException("A")));

      Iterator<TaskMeta> it =
          backend.iterNative(List.of("a", "b", "c"), timeout(Duration.ofSeconds(10)));

      List<String> order = new ArrayList<>();
      List<Duration> at = new ArrayList<>();
      while (it.hasNext()) {
        order.add(it.next().taskId());
        at.add(clock.elapsed());
      }
      assertThat(order).containsExactly("c", "a", "b");
      assertThat(at)
          .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
      assertThatThrownBy(it::next)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("exhausted");
    }

    @Test
    void resultsReadyBeforeTheIterationAreYieldedFirstWithoutWaiting() {
      backend.store(success("b", 2));
      storeAt(Duration.ofSeconds(4), success("a", 1));

      Iterator<TaskMeta> it =
          backend.iterNative(List.of("a", "b"), timeout(Duration.ofSeconds(10)));

      assertThat(it.next().taskId()).isEqualTo("b");
      assertThat(clock.elapsed()).isZero();
      assertThat(it.next().taskId()).isEqualTo("a");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(4));
      assertThat(it.hasNext()).isFalse();
    }

    @Test
    void timeoutCountsAcrossTheWholeIteration() {
      storeAt(Duration.ofSeconds(1), success("a", 1));
      storeAt(Duration.ofSeconds(2), success("b", 2));
      storeAt(Duration.ofSeconds(5), success("c", 3));

      Iterator<TaskMeta> it =
          backend.iterNative(List.of("a", "b", "c"), timeout(Duration.ofMillis(2500)));

      assertThat(it.next().taskId()).isEqualTo("a");
      assertThat(it.next().taskId()).isEqualTo("b");
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(ResultTimeoutException.class)
          .hasMessageStartingWith("The operation timed out.");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(2500));
      assertThat(backend.exists("c")).isFalse();
    }

    @Test
    void iterationWithoutTimeoutThatNothingCanFinishFailsAtOnce() {
      storeAt(Duration.ofSeconds(1), success("a", 1));
      Iterator<TaskMeta> it = backend.iterNative(List.of("a", "z"), GetOptions.defaults());
      assertThat(it.next().taskId()).isEqualTo("a");
      assertThatThrownBy(it::hasNext)
          .isInstanceOf(WouldBlockForeverException.class)
          .hasMessageContaining("z");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void duplicateIdsAreYieldedOnce() {
      backend.store(success("a", 1));
      Iterator<TaskMeta> it = backend.iterNative(List.of("a", "a"), GetOptions.defaults());
      assertThat(it.next().taskId()).isEqualTo("a");
      assertThat(it.hasNext()).isFalse();
    }

    @Test
    void emptyIterationHasNothing() {
      Iterator<TaskMeta> it = backend.iterNative(List.of(), GetOptions.defaults());
      assertThat(it.hasNext()).isFalse();
      assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void hasNextIsIdempotent() {
      storeAt(Duration.ofSeconds(1), success("a", 1));
      Iterator<TaskMeta> it = backend.iterNative(List.of("a"), timeout(Duration.ofSeconds(5)));
      assertThat(it.hasNext()).isTrue();
      assertThat(it.hasNext()).isTrue();
      assertThat(it.next().result()).isEqualTo(1);
      assertThat(it.hasNext()).isFalse();
    }

    @Test
    void onMessageDuringIterationSeesUpdatesOfEveryRemainingTask() {
      TaskMeta aProgress = progress("a", 1);
      TaskMeta bDone = success("b", 2);
      TaskMeta aDone = success("a", 3);
      storeAt(Duration.ofSeconds(1), aProgress);
      storeAt(Duration.ofSeconds(2), bDone);
      storeAt(Duration.ofSeconds(3), aDone);

      Iterator<TaskMeta> it =
          backend.iterNative(List.of("a", "b"), timeout(Duration.ofSeconds(5)).onMessage(listener));
      List<String> order = new ArrayList<>();
      it.forEachRemaining(m -> order.add(m.taskId()));

      assertThat(order).containsExactly("b", "a");
      InOrder inOrder = inOrder(listener);
      inOrder.verify(listener).accept(aProgress);
      inOrder.verify(listener).accept(bDone);
      inOrder.verify(listener).accept(aDone);
      verifyNoMoreInteractions(listener);
    }

    @Test
    void nullArgumentsAreRejected() {
      assertThatThrownBy(() -> backend.iterNative(null, GetOptions.defaults()))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("taskIds");
      assertThatThrownBy(() -> backend.iterNative(List.of("a"), null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("options");
      assertThatThrownBy(() -> backend.waitFor("a", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("options");
    }
  }
}
