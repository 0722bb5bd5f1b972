package io.celerykit.assertj;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventJournalAssertTest {

  private static final String NL = System.lineSeparator();

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final Task<Integer> boom =
      app.task(
          "tasks.boom",
          () -> {
            throw new IllegalStateException("kaboom");
          });

  @Test
  void aTaskThatRanWentThroughSentReceivedStartedSucceeded() {
    AsyncResult<Integer> sum = add.delay(2, 3);
    sum.get();

    assertThat(app.journal())
        .containsSequence(sum.id(), "task-sent", "task-received", "task-started", "task-succeeded")
        .containsSequence(sum.id(), "task-started", "task-succeeded")
        .hasEventFor(sum.id(), "task-succeeded")
        .hasNoEventOfType("task-failed")
        .hasSize(4);
  }

  @Test
  void containsSequenceFailsShowingTheTasksEventsAndTheTimeline() {
    AsyncResult<Integer> sum = add.delay(2, 3);
    sum.get();

    assertThatThrownBy(
            () ->
                assertThat(app.journal()).containsSequence(sum.id(), "task-started", "task-failed"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting events of task:" + NL + "  " + sum.id())
        .hasMessageContaining(
            "to contain the sequence (in order, one after the other):"
                + NL
                + "  [task-started, task-failed]")
        .hasMessageContaining(
            "but its events were:"
                + NL
                + "  [task-sent, task-received, task-started, task-succeeded]")
        .hasMessageContaining("journal timeline:")
        .hasMessageContaining("task-succeeded  tasks.add[" + sum.id() + "]");
  }

  @Test
  void containsSequenceNeedsTheTypesOneRightAfterTheOther() {
    AsyncResult<Integer> sum = add.delay(2, 3);
    sum.get();

    assertThatThrownBy(
            () -> assertThat(app.journal()).containsSequence(sum.id(), "task-sent", "task-started"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain the sequence");
  }

  @Test
  void containsSubsequenceAllowsOtherEventsBetween() {
    app.stub("tasks.flaky").retries(1, new IOException("flaky")).thenReturns("ok");
    AsyncResult<String> flaky = app.sendTask("tasks.flaky");
    flaky.get(Duration.ofMinutes(10));

    assertThat(app.journal())
        .containsSubsequence(flaky.id(), "task-sent", "task-retried", "task-succeeded")
        .hasEventFor(flaky.id(), "task-retried");
  }

  @Test
  void containsSubsequenceFailsForTypesOutOfOrder() {
    AsyncResult<Integer> sum = add.delay(2, 3);
    sum.get();

    assertThatThrownBy(
            () ->
                assertThat(app.journal())
                    .containsSubsequence(sum.id(), "task-succeeded", "task-started"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain the subsequence (in order, others between allowed):");
  }

  @Test
  void hasEventForFailsListingTheTasksEvents() {
    AsyncResult<Integer> sum = add.delay(2, 3);

    assertThatThrownBy(() -> assertThat(app.journal()).hasEventFor(sum.id(), "task-succeeded"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to contain an event of type:" + NL + "  task-succeeded")
        .hasMessageContaining("but its events were:" + NL + "  [task-sent, task-received]");
  }

  @Test
  void hasNoEventOfTypeFailsListingTheEventsFound() {
    AsyncResult<Integer> failed = boom.delay();
    failed.outcome();

    assertThatThrownBy(() -> assertThat(app.journal()).hasNoEventOfType("task-failed"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have no event of type:" + NL + "  task-failed")
        .hasMessageContaining("but found:" + NL + "  ")
        .hasMessageContaining("task-failed     tasks.boom[" + failed.id() + "]");
  }

  @Test
  void hasSizeFailsWithBothSizes() {
    add.delay(1, 1);

    assertThatThrownBy(() -> assertThat(app.journal()).hasSize(3))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to hold 3 events" + NL + "but it holds 2");
  }

  @Test
  void anEmptyJournalSaysSo() {
    assertThat(app.journal()).hasSize(0).hasNoEventOfType("task-sent");
    assertThatThrownBy(() -> assertThat(app.journal()).hasEventFor("t-1", "task-sent"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("journal timeline:" + NL + "  (no events)");
  }

  @Test
  void aSwitchedOffJournalSaysHowToSwitchItOn() {
    InMemoryCelery quiet = InMemoryCelery.create(CeleryConfig.defaults().journalCapacity(0));
    Task<Integer> one = quiet.task("tasks.one", () -> 1);
    AsyncResult<Integer> r = one.delay();
    r.get();

    assertThatThrownBy(() -> assertThat(quiet.journal()).hasEventFor(r.id(), "task-sent"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the journal is switched off: capacity 0");
  }

  @Test
  void aSequenceNeedsAtLeastOneType() {
    assertThatThrownBy(() -> assertThat(app.journal()).containsSequence("t-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give at least one event type");
  }
}
