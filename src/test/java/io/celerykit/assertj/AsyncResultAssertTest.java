package io.celerykit.assertj;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AsyncResultAssertTest {

  private static final String NL = System.lineSeparator();

  /** How the failing task's exception reads once stored through the JSON serializer. */
  private static final String STORED =
      "RemoteTaskException: java.lang.IllegalStateException: kaboom";

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final Task<Integer> boom =
      app.task(
          "tasks.boom",
          () -> {
            throw new IllegalStateException("kaboom");
          });

  @Nested
  class States {

    @Test
    void aTaskJustSentIsPendingAndNotReady() {
      AsyncResult<Integer> sum = add.delay(2, 3);

      assertThat(sum).isPending().isNotReady();
    }

    @Test
    void isPendingFailsForAFinishedTaskShowingItsStateAndValue() {
      AsyncResult<Object> done = app.seed().succeeded("done-1", 7);

      assertThatThrownBy(() -> assertThat(done).isPending())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting result:" + NL + "  done-1" + NL)
          .hasMessageContaining("to be in state:" + NL + "  PENDING" + NL)
          .hasMessageContaining("but was in state:" + NL + "  SUCCESS (result: 7)");
    }

    @Test
    void aTaskThatRanIsSuccessfulAndReady() {
      AsyncResult<Integer> sum = add.delay(2, 3);
      sum.get();

      assertThat(sum).isSuccessful().isReady().hasResult(5);
    }

    @Test
    void isSuccessfulFailsForAFailedTaskShowingTheExceptionAndTheTree() {
      AsyncResult<Integer> failed = boom.delay();
      failed.outcome();

      assertThatThrownBy(() -> assertThat(failed).isSuccessful())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting result:" + NL + "  " + failed.id() + " (tasks.boom)")
          .hasMessageContaining("to be in state:" + NL + "  SUCCESS")
          .hasMessageContaining("but was in state:" + NL + "  FAILURE (" + STORED + ")")
          .hasMessageContaining("result tree:" + NL + "  " + failed.id() + " FAILURE")
          .hasMessageContaining("IllegalStateException: kaboom");
    }

    @Test
    void isSuccessfulNeverWaitsForAPendingTask() {
      AsyncResult<Integer> sum = add.delay(1, 1);

      assertThatThrownBy(() -> assertThat(sum).isSuccessful())
          .hasMessageContaining("but was in state:" + NL + "  PENDING");
      assertThat(sum.state()).isEqualTo(TaskState.PENDING);
      assertThat(app.worker().executed()).isZero();
    }

    @Test
    void aSeededStartedTaskIsStarted() {
      assertThat(app.seed().started("running-1")).isStarted().isNotReady();
    }

    @Test
    void isStartedFailsForAPendingTask() {
      assertThatThrownBy(() -> assertThat(app.asyncResult("nothing-yet")).isStarted())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be in state:" + NL + "  STARTED")
          .hasMessageContaining("but was in state:" + NL + "  PENDING");
    }

    @Test
    void aTaskWaitingForRetryIsRetrying() {
      assertThat(app.seed().retrying("flaky-1", new IOException("flaky"), 1)).isRetrying();
    }

    @Test
    void isRetryingFailsForASuccessfulTask() {
      assertThatThrownBy(() -> assertThat(app.seed().succeeded("ok-1", 1)).isRetrying())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be in state:" + NL + "  RETRY");
    }

    @Test
    void aTaskThatRaisedHasFailed() {
      AsyncResult<Integer> failed = boom.delay();
      failed.outcome();

      assertThat(failed).hasFailed().isReady();
    }

    @Test
    void hasFailedFailsForASuccessfulTask() {
      assertThatThrownBy(() -> assertThat(app.seed().succeeded("ok-2", "fine")).hasFailed())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be in state:" + NL + "  FAILURE")
          .hasMessageContaining("but was in state:" + NL + "  SUCCESS (result: \"fine\")");
    }

    @Test
    void aTerminatedTaskIsRevoked() {
      app.stub("tasks.slow").returns("late").takes(Duration.ofMinutes(1));
      AsyncResult<String> slow = app.sendTask("tasks.slow");
      app.worker().step();

      slow.revoke(RevokeOptions.defaults().terminate(true));

      assertThat(slow).isRevoked().isReady();
    }

    @Test
    void isRevokedFailsForAPendingTask() {
      assertThatThrownBy(() -> assertThat(add.delay(1, 2)).isRevoked())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be in state:" + NL + "  REVOKED");
    }

    @Test
    void aCustomStateIsMatchedByItsNameOrItsState() {
      AsyncResult<Object> progress =
          app.seed().inState("progress-1", TaskState.of("PROGRESS"), Map.of("current", 1));

      assertThat(progress).hasState("PROGRESS").hasState(TaskState.of("PROGRESS")).isNotReady();
    }

    @Test
    void hasStateFailsNamingTheExpectedAndTheActualState() {
      AsyncResult<Object> progress =
          app.seed().inState("progress-2", TaskState.of("PROGRESS"), Map.of("current", 1));

      assertThatThrownBy(() -> assertThat(progress).hasState(TaskState.SUCCESS))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be in state:" + NL + "  SUCCESS")
          .hasMessageContaining("but was in state:" + NL + "  PROGRESS (result: {\"current\"=1})");
    }

    @Test
    void isReadyFailsForAPendingTaskExplainingWhatReadyMeans() {
      assertThatThrownBy(() -> assertThat(add.delay(1, 2)).isReady())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be ready (in state SUCCESS, FAILURE or REVOKED)")
          .hasMessageContaining("but was in state:" + NL + "  PENDING");
    }

    @Test
    void isNotReadyFailsForARevokedTask() {
      assertThatThrownBy(() -> assertThat(app.seed().revoked("gone-1")).isNotReady())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("not to be ready")
          .hasMessageContaining("REVOKED (TaskRevokedException: revoked)");
    }

    @Test
    void anEagerResultIsCheckedLikeAnyResult() {
      EagerResult<Integer> eager = add.apply(20, 22);

      assertThat(eager).isSuccessful().hasResult(42).hasNoParent().hasChildren(0);
    }

    @Test
    void aNullResultFailsEveryCheck() {
      AsyncResult<Object> none = null;

      assertThatThrownBy(() -> assertThat(none).isSuccessful())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
      assertThatThrownBy(() -> assertThat(none).value())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void theDescriptionPrefixesTheMessage() {
      assertThatThrownBy(() -> assertThat(add.delay(1, 2)).as("the sum").isSuccessful())
          .hasMessageStartingWith("[the sum] ");
    }
  }

  @Nested
  class StoredValue {

    @Test
    void hasResultComparesTheStoredValue() {
      assertThat(app.seed().succeeded("v-1", new int[] {1, 2})).hasResult(new int[] {1, 2});
    }

    @Test
    void hasResultFailsShowingBothValuesAndTheState() {
      AsyncResult<Integer> sum = add.delay(2, 2);
      sum.get();

      assertThatThrownBy(() -> assertThat(sum).hasResult(5))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have result:" + NL + "  5" + NL)
          .hasMessageContaining("but had:" + NL + "  4" + NL)
          .hasMessageContaining("in state:" + NL + "  SUCCESS");
    }

    @Test
    void hasResultShowsAStoredExceptionByClassAndMessage() {
      AsyncResult<Object> failed = app.seed().failed("f-1", new IllegalStateException("boom"));

      assertThatThrownBy(() -> assertThat(failed).hasResult(1))
          .hasMessageContaining(
              "but had:"
                  + NL
                  + "  io.celerykit.result.RemoteTaskException: java.lang.IllegalStateException: boom"
                  + NL);
    }

    @Test
    void hasResultSatisfyingRunsTheRequirementsOnTheStoredValue() {
      assertThat(app.seed().succeeded("v-2", 12))
          .hasResultSatisfying(v -> assertThat(v).isInstanceOf(Integer.class).isEqualTo(12));
    }

    @Test
    void hasResultSatisfyingFailsWithTheRequirementsErrorAndTheStoredValue() {
      AsyncResult<Object> result = app.seed().succeeded("v-3", 12);

      assertThatThrownBy(
              () -> assertThat(result).hasResultSatisfying(v -> assertThat(v).isEqualTo(13)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have a result satisfying the given requirements")
          .hasMessageContaining("expected: 13")
          .hasMessageContaining("stored result:" + NL + "  12");
    }

    @Test
    void valueNavigatesToTheStoredValue() {
      AsyncResult<Object> result = app.seed().succeeded("v-4", "hello");

      assertThat(result).value().isEqualTo("hello");
    }

    @Test
    void valueFailuresAreDescribedWithTheResultId() {
      AsyncResult<Object> result = app.seed().succeeded("v-5", "hello");

      assertThatThrownBy(() -> assertThat(result).value().isEqualTo("bye"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("[value of result v-5]")
          .hasMessageContaining("\"hello\"");
    }

    @Test
    void valueOfAPendingTaskIsNull() {
      assertThat(add.delay(1, 2)).value().isNull();
    }
  }

  @Nested
  class Failures {

    @Test
    void failedWithNavigatesToTheStoredException() {
      AsyncResult<Integer> failed = boom.delay();
      failed.outcome();

      // Stored through the JSON serializer: the remote form counts as its Java type and subtypes.
      assertThat(failed)
          .failedWith(IllegalStateException.class)
          .isInstanceOf(RemoteTaskException.class)
          .hasMessage("java.lang.IllegalStateException: kaboom");
      assertThat(failed).failedWith(RuntimeException.class).hasNoCause();
      assertThat(failed).failedWith(RemoteTaskException.class);
    }

    @Test
    void failedWithFailsForATaskThatDidNotFail() {
      AsyncResult<Object> ok = app.seed().succeeded("ok-3", 3);

      assertThatThrownBy(() -> assertThat(ok).failedWith(IllegalStateException.class))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have failed with:" + NL + "  java.lang.IllegalStateException")
          .hasMessageContaining("but was in state:" + NL + "  SUCCESS (result: 3)");
    }

    @Test
    void failedWithFailsForAnotherExceptionType() {
      AsyncResult<Object> failed = app.seed().failed("f-2", new IllegalStateException("boom"));

      assertThatThrownBy(() -> assertThat(failed).failedWith(IllegalArgumentException.class))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "to have failed with:" + NL + "  java.lang.IllegalArgumentException" + NL)
          .hasMessageContaining(
              "but failed with:"
                  + NL
                  + "  io.celerykit.result.RemoteTaskException: java.lang.IllegalStateException: boom");
    }

    @Test
    void failedWithChecksOnTheExceptionReportTheirOwnMismatch() {
      AsyncResult<Object> failed = app.seed().failed("f-3", new IllegalStateException("boom"));

      assertThatThrownBy(
              () -> assertThat(failed).failedWith(IllegalStateException.class).hasMessage("bam"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("[exception of result f-3]")
          .hasMessageContaining("\"bam\"");
    }

    @Test
    void aFailedTaskHasATracebackWithTheException() {
      AsyncResult<Integer> failed = boom.delay();
      failed.outcome();

      assertThat(failed).hasTraceback().hasTracebackContaining("IllegalStateException: kaboom");
    }

    @Test
    void hasTracebackFailsForASuccessfulTask() {
      assertThatThrownBy(() -> assertThat(app.seed().succeeded("ok-4", 1)).hasTraceback())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have a traceback" + NL + "but it has none; it is in state:")
          .hasMessageContaining("SUCCESS (result: 1)");
    }

    @Test
    void hasTracebackContainingFailsShowingTheTraceback() {
      AsyncResult<Object> failed =
          app.seed()
              .failed(
                  "f-4",
                  new IllegalStateException("boom"),
                  "java.lang.IllegalStateException: boom\n\tat tasks.report(Tasks.java:12)");

      assertThatThrownBy(() -> assertThat(failed).hasTracebackContaining("NullPointerException"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to contain:" + NL + "  NullPointerException")
          .hasMessageContaining("but was:" + NL + "  java.lang.IllegalStateException: boom");
    }

    @Test
    void hasTracebackContainingFailsWhenThereIsNoTraceback() {
      assertThatThrownBy(
              () -> assertThat(app.seed().succeeded("ok-5", 1)).hasTracebackContaining("boom"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have a traceback containing:" + NL + "  boom")
          .hasMessageContaining("but it has none");
    }

    @Test
    void aRetriedTaskHasItsRetriesCounted() {
      assertThat(app.seed().retrying("flaky-2", new IOException("flaky"), 2)).hasRetries(2);
    }

    @Test
    void aWorkerRetriedTaskStoresItsRetriesWithResultExtended() {
      InMemoryCelery extended = InMemoryCelery.create(CeleryConfig.defaults().resultExtended(true));
      extended.stub("tasks.flaky").retries(2, new IOException("flaky")).thenReturns("ok");
      AsyncResult<String> flaky = extended.sendTask("tasks.flaky");

      assertThat(flaky).succeedsWithin(Duration.ofMinutes(10)).isEqualTo("ok");
      assertThat(flaky).isSuccessful().hasRetries(2);
    }

    @Test
    void hasRetriesFailsWithBothCounts() {
      AsyncResult<Object> flaky = app.seed().retrying("flaky-3", new IOException("flaky"), 2);

      assertThatThrownBy(() -> assertThat(flaky).hasRetries(3))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have been retried:" + NL + "  3 times")
          .hasMessageContaining("but was retried:" + NL + "  2 times")
          .hasMessageContaining("RETRY (RemoteTaskException: java.io.IOException: flaky)");
    }

    @Test
    void hasRetriesFailsWhenNoCountIsStoredPointingAtResultExtended() {
      assertThatThrownBy(() -> assertThat(app.seed().succeeded("ok-6", 1)).hasRetries(0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("but no retries count is stored")
          .hasMessageContaining("CeleryConfig.resultExtended(true)");
    }
  }

  @Nested
  class Parents {

    @Test
    void aChainStepHasItsParent() {
      AsyncResult<Object> first = app.seed().succeeded("step-1", 1);
      AsyncResult<Object> second = app.seed().parent(first).succeeded("step-2", 2);

      assertThat(second).hasParent().hasParent("step-1");
      assertThat(first).hasNoParent();
    }

    @Test
    void hasParentFailsForAResultWithoutParent() {
      assertThatThrownBy(() -> assertThat(app.seed().succeeded("alone-1", 1)).hasParent())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have a parent (the previous step of a chain)")
          .hasMessageContaining("but it has none");
    }

    @Test
    void hasParentWithAnIdFailsNamingTheActualParent() {
      AsyncResult<Object> first = app.seed().succeeded("step-3", 1);
      AsyncResult<Object> second = app.seed().parent(first).succeeded("step-4", 2);

      assertThatThrownBy(() -> assertThat(second).hasParent("step-9"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have parent:" + NL + "  step-9")
          .hasMessageContaining("but its parent is:" + NL + "  step-3");
    }

    @Test
    void hasParentWithAnIdFailsForAResultWithoutParent() {
      assertThatThrownBy(() -> assertThat(app.seed().succeeded("alone-2", 1)).hasParent("x"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have parent:" + NL + "  x" + NL + "but it has no parent");
    }

    @Test
    void hasNoParentFailsNamingTheParent() {
      AsyncResult<Object> first = app.seed().succeeded("step-5", 1);
      AsyncResult<Object> second = app.seed().parent(first).succeeded("step-6", 2);

      assertThatThrownBy(() -> assertThat(second).hasNoParent())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have no parent" + NL + "but its parent is:" + NL + "  step-5");
    }
  }

  @Nested
  class Children {

    @Test
    void seededChildrenAreCountedAndNamedInOrder() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      AsyncResult<Object> b = app.seed().succeeded("b", 2);
      AsyncResult<Object> root = app.seed().children(a, b).succeeded("root", 3);

      assertThat(root).hasChildren(2).hasChildren("a", "b");
      assertThat(a).hasChildren(0).hasChildren();
    }

    @Test
    void tasksCalledByATaskAreItsChildren() {
      Task<String> fan =
          app.task(
              "tasks.fan",
              () -> {
                add.delay(1, 2);
                add.delay(3, 4);
                return "fanned";
              });
      AsyncResult<String> fanned = fan.delay();
      fanned.get();

      assertThat(fanned).isSuccessful().hasChildren(2);
      assertThat(fanned).child(0).isPending();
      assertThat(fanned).child(1).succeedsWithin(Duration.ofSeconds(1)).isEqualTo(7);
    }

    @Test
    void hasChildrenCountFailsListingTheChildren() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      AsyncResult<Object> root = app.seed().children(a).succeeded("root", 3);

      assertThatThrownBy(() -> assertThat(root).hasChildren(2))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have 2 children" + NL + "but it has 1:" + NL + "  [a]")
          .hasMessageContaining("└── a SUCCESS 1");
    }

    @Test
    void hasChildrenIdsFailsShowingMissingAndUnexpectedIds() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      AsyncResult<Object> b = app.seed().succeeded("b", 2);
      AsyncResult<Object> root = app.seed().children(a, b).succeeded("root", 3);

      assertThatThrownBy(() -> assertThat(root).hasChildren("a", "c"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have exactly these children, in this order:" + NL + "  [a, c]")
          .hasMessageContaining("but its children are:" + NL + "  [a, b]")
          .hasMessageContaining("missing:" + NL + "  [c]")
          .hasMessageContaining("unexpected:" + NL + "  [b]");
    }

    @Test
    void hasChildrenIdsFailsForTheRightIdsInAnotherOrder() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      AsyncResult<Object> b = app.seed().succeeded("b", 2);
      AsyncResult<Object> root = app.seed().children(a, b).succeeded("root", 3);

      assertThatThrownBy(() -> assertThat(root).hasChildren("b", "a"))
          .hasMessageContaining("missing:" + NL + "  []");
    }

    @Test
    void childNavigatesToTheChildAtAnIndex() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      AsyncResult<Object> b = app.seed().failed("b", new IllegalStateException("boom"));
      AsyncResult<Object> root = app.seed().children(a, b).succeeded("root", 3);

      assertThat(root).child(0).isSuccessful().hasResult(1);
      assertThat(root)
          .child(1)
          .failedWith(IllegalStateException.class)
          .hasMessageEndingWith(": boom");
    }

    @Test
    void childChecksAreDescribedWithTheIndexAndTheParent() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      AsyncResult<Object> root = app.seed().children(a).succeeded("root", 3);

      assertThatThrownBy(() -> assertThat(root).child(0).hasFailed())
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("[child 0 of result root] ")
          .hasMessageContaining("to be in state:" + NL + "  FAILURE");
    }

    @Test
    void childFailsForAnIndexOutOfRangeListingTheChildren() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      AsyncResult<Object> root = app.seed().children(a).succeeded("root", 3);

      assertThatThrownBy(() -> assertThat(root).child(3))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to have a child at index 3" + NL + "but it has 1 children:")
          .hasMessageContaining("[a]");
    }

    @Test
    void childFailsForAGroupChild() {
      AsyncResult<Object> a = app.seed().succeeded("a", 1);
      GroupResult group = app.seed().group("g-1", a);
      AsyncResult<Object> root = app.seed().children(group).succeeded("root", 3);

      assertThatThrownBy(() -> assertThat(root).child(0))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to be a task result (AsyncResult)")
          .hasMessageContaining("<GroupResult: g-1 [a]>");
    }
  }

  @Nested
  class Waiting {

    @Test
    void succeedsWithinWaitsAndNavigatesToTheValue() {
      AsyncResult<Integer> sum = add.delay(2, 3);

      assertThat(sum).succeedsWithin(Duration.ofSeconds(1)).isEqualTo(5);
      assertThat(sum).isSuccessful();
    }

    @Test
    void succeedsWithinWaitsInVirtualTime() {
      app.stub("tasks.slow").returns("late").takes(Duration.ofMinutes(3));
      AsyncResult<String> slow = app.sendTask("tasks.slow");

      assertThat(slow).succeedsWithin(Duration.ofMinutes(5)).isEqualTo("late");
      assertThat(app.clock().elapsed()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void succeedsWithinFailsWhenTheTaskIsNotReadyInTime() {
      app.stub("tasks.slow").returns("late").takes(Duration.ofHours(1));
      AsyncResult<String> slow = app.sendTask("tasks.slow");

      assertThatThrownBy(() -> assertThat(slow).succeedsWithin(Duration.ofSeconds(10)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to succeed within:" + NL + "  PT10S")
          .hasMessageContaining("but it was not ready in time; it is in state:" + NL + "  PENDING")
          .hasCauseInstanceOf(ResultTimeoutException.class);
    }

    @Test
    void succeedsWithinFailsWhenTheTaskFails() {
      AsyncResult<Integer> failed = boom.delay();

      assertThatThrownBy(() -> assertThat(failed).succeedsWithin(Duration.ofSeconds(10)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("but waiting for it raised:" + NL + "  " + STORED)
          .hasMessageContaining("while it is in state:" + NL + "  FAILURE")
          .hasCauseInstanceOf(RemoteTaskException.class);
    }

    @Test
    void succeedsWithinFailsForAResultNothingWillComplete() {
      assertThatThrownBy(
              () -> assertThat(app.asyncResult("never")).succeedsWithin(Duration.ofDays(1)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to succeed within:" + NL + "  PT24H");
    }

    @Test
    void failsWithinWaitsAndNavigatesToTheException() {
      AsyncResult<Integer> failed = boom.delay();

      assertThat(failed)
          .failsWithin(Duration.ofSeconds(1))
          .is(raisedAs(IllegalStateException.class))
          .hasMessage("java.lang.IllegalStateException: kaboom");
      assertThat(failed).hasFailed();
    }

    @Test
    void failsWithinAcceptsARevokedTask() {
      app.stub("tasks.slow").returns("late").takes(Duration.ofMinutes(1));
      AsyncResult<String> slow = app.sendTask("tasks.slow");
      app.worker().step();
      slow.revoke(RevokeOptions.defaults().terminate(true));

      assertThat(slow).failsWithin(Duration.ofSeconds(1)).isInstanceOf(TaskRevokedException.class);
    }

    @Test
    void failsWithinFailsWhenTheTaskSucceeds() {
      AsyncResult<Integer> sum = add.delay(2, 3);

      assertThatThrownBy(() -> assertThat(sum).failsWithin(Duration.ofSeconds(1)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to fail within:" + NL + "  PT1S")
          .hasMessageContaining("but it succeeded with:" + NL + "  5");
    }

    @Test
    void failsWithinFailsWhenTheTaskIsNotReadyInTime() {
      app.stub("tasks.slow").returns("late").takes(Duration.ofHours(1));
      AsyncResult<String> slow = app.sendTask("tasks.slow");

      assertThatThrownBy(() -> assertThat(slow).failsWithin(Duration.ofMinutes(1)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("to fail within:" + NL + "  PT1M")
          .hasMessageContaining("but it was not ready in time")
          .hasCauseInstanceOf(ResultTimeoutException.class);
    }
  }
}
