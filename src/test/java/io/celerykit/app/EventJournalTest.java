package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJournalTest {

  private static final Instant T0 = VirtualClock.DEFAULT_START;
  private static final int PID = CeleryConfig.DEFAULT_WORKER_PID;

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

  private TaskEvent event(String id, String type) {
    return app.journal().eventsFor(id).stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + type + " for " + id + " in\n" + app.journal().timeline()));
  }

  @Test
  void successGoesSentReceivedStartedSucceeded() {
    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(2, 3), Map.of(), ApplyOptions.defaults().countdown(Duration.ofSeconds(4)));
    r.get();

    List<TaskEvent> events = app.journal().eventsFor(r.id());
    assertThat(events)
        .extracting(TaskEvent::type)
        .containsExactly("task-sent", "task-received", "task-started", "task-succeeded");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.taskId()).isEqualTo(r.id());
              assertThat(e.name()).isEqualTo("tasks.add");
            });
    assertThat(events)
        .extracting(TaskEvent::at)
        .containsExactly(T0, T0, T0.plusSeconds(4), T0.plusSeconds(4));
  }

  @Test
  void sentEventCarriesTheMessage() {
    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(2, 3),
            Map.of("k", 1),
            ApplyOptions.defaults()
                .countdown(Duration.ofSeconds(10))
                .expires(Duration.ofMinutes(1))
                .queue("reports"));

    assertThat(event(r.id(), "task-sent").payload())
        .containsEntry("args", List.of(2, 3))
        .containsEntry("kwargs", Map.of("k", 1))
        .containsEntry("retries", 0)
        .containsEntry("eta", T0.plusSeconds(10))
        .containsEntry("expires", T0.plusSeconds(60))
        .containsEntry("queue", "reports");
    assertThat(event(r.id(), "task-received").payload())
        .containsEntry("args", List.of(2, 3))
        .containsEntry("eta", T0.plusSeconds(10));
  }

  @Test
  void sentEventHasTheDefaultQueueAndNoEta() {
    AsyncResult<Integer> r = add.delay(1, 1);

    assertThat(event(r.id(), "task-sent").payload())
        .containsEntry("queue", "celery")
        .containsEntry("eta", null)
        .containsEntry("expires", null);
    assertThat(event(r.id(), "task-received").payload()).doesNotContainKeys("eta", "expires");
  }

  @Test
  void startedEventHasHostnameThenPid() {
    InMemoryCelery named = InMemoryCelery.create(CeleryConfig.defaults().hostname("w1@host"));
    named.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = named.sendTask("tasks.add", 1, 1);
    r.get();

    TaskEvent started = named.journal().eventsFor(r.id()).get(2);
    assertThat(started.type()).isEqualTo("task-started");
    assertThat(started.payload().keySet()).containsExactly("hostname", "pid");
    assertThat(started.payload()).containsEntry("hostname", "w1@host").containsEntry("pid", PID);
  }

  @Test
  void succeededEventHasThePythonReprOfTheResultAndTheRuntime() {
    Task<Object> t = app.task("tasks.obj", () -> Map.of("ok", true));

    AsyncResult<Object> r = t.delay();
    r.get();

    assertThat(event(r.id(), "task-succeeded").payload())
        .containsEntry("result", "{'ok': True}")
        .containsEntry("runtime", Duration.ZERO);
  }

  @Test
  void failedEventHasTheExceptionAndTraceback() {
    Task<Integer> boom =
        app.task(
            "tasks.fail",
            () -> {
              throw new IllegalStateException("boom");
            });

    AsyncResult<Integer> r = boom.delay();
    app.worker().runUntilIdle();

    assertThat(app.journal().typesFor(r.id()))
        .containsExactly("task-sent", "task-received", "task-started", "task-failed");
    TaskEvent failed = event(r.id(), "task-failed");
    assertThat(failed.payload())
        .containsEntry("exception", "java.lang.IllegalStateException: boom");
    assertThat(failed.payload().get("traceback").toString())
        .contains("IllegalStateException: boom");
    assertThat(failed.at()).isEqualTo(T0);
  }

  @Test
  void retriedEventAtTheRetryAndTheRetryIsReceivedWithItsEta() {
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              if (self.retries() == 0) {
                throw self.retry(new IllegalStateException("again"), Duration.ofSeconds(10));
              }
              return "ok";
            });

    AsyncResult<String> r = flaky.delay();
    r.get();

    List<TaskEvent> events = app.journal().eventsFor(r.id());
    assertThat(events)
        .extracting(TaskEvent::type)
        .containsExactly(
            "task-sent",
            "task-received",
            "task-started",
            "task-retried",
            "task-received",
            "task-started",
            "task-succeeded");
    assertThat(events.get(3).at()).isEqualTo(T0);
    assertThat(events.get(3).payload().get("exception").toString())
        .contains("Retry in 10s")
        .contains("again");
    assertThat(events.get(4).payload())
        .containsEntry("retries", 1)
        .containsEntry("eta", T0.plusSeconds(10));
    assertThat(events.get(5).at()).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void revokedEventSaysWhy() {
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    AsyncResult<Integer> revoked = add.delay(1, 1);
    AsyncResult<Integer> expired =
        add.applyAsync(
            List.of(1, 1),
            Map.of(),
            ApplyOptions.defaults()
                .countdown(Duration.ofSeconds(30))
                .expires(Duration.ofSeconds(10)));
    AsyncResult<String> terminated = app.sendTask("tasks.slow");

    revoked.revoke();
    app.worker().runDue();
    terminated.revoke(RevokeOptions.defaults().terminate(true));
    app.worker().runUntilIdle();

    assertThat(event(revoked.id(), "task-revoked").payload())
        .containsEntry("terminated", false)
        .containsEntry("expired", false)
        .containsEntry("signum", null);
    assertThat(event(expired.id(), "task-revoked").payload())
        .containsEntry("terminated", false)
        .containsEntry("expired", true);
    assertThat(event(expired.id(), "task-revoked").at()).isEqualTo(T0.plusSeconds(30));
    assertThat(event(terminated.id(), "task-revoked").payload())
        .containsEntry("terminated", true)
        .containsEntry("expired", false)
        .containsEntry("signum", "SIGTERM");
    assertThat(app.journal().typesFor(terminated.id()))
        .containsExactly("task-sent", "task-received", "task-started", "task-revoked");
  }

  @Test
  void rejectedEventAndNothingStored() {
    Task<String> picky =
        app.boundTask(
            "tasks.picky",
            self -> {
              throw self.reject(false);
            });

    AsyncResult<String> r = picky.delay();
    app.worker().runUntilIdle();

    assertThat(app.journal().typesFor(r.id()))
        .containsExactly("task-sent", "task-received", "task-started", "task-rejected");
    assertThat(event(r.id(), "task-rejected").payload()).containsEntry("requeue", false);
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void rejectWithRequeueIsRecorded() {
    Task<String> picky =
        app.boundTask(
            "tasks.picky",
            self -> {
              throw self.reject(true);
            });

    AsyncResult<String> r = picky.delay();
    app.worker().runUntilIdle();

    assertThat(event(r.id(), "task-rejected").payload()).containsEntry("requeue", true);
  }

  @Test
  void eventsOfSeveralTasksInterleaveInOrder() {
    AsyncResult<Integer> a = add.delay(1, 1);
    AsyncResult<Integer> b = add.delay(2, 2);
    app.worker().runUntilIdle();

    assertThat(app.journal().events())
        .extracting(e -> e.type() + " " + (e.taskId().equals(a.id()) ? "a" : "b"))
        .containsExactly(
            "task-sent a",
            "task-received a",
            "task-sent b",
            "task-received b",
            "task-started a",
            "task-succeeded a",
            "task-started b",
            "task-succeeded b");
  }

  @Test
  void timelineHasOneLinePerEventWithTimeTypeNameIdAndPayload() {
    AsyncResult<Integer> r = add.delay(2, 3);
    r.get();

    String timeline = app.journal().timeline();
    String[] lines = timeline.split("\n");

    assertThat(lines).hasSize(4);
    assertThat(lines[0])
        .startsWith("2026-01-01T00:00:00Z  task-sent       tasks.add[" + r.id() + "] {args=[2, 3]");
    assertThat(lines[1])
        .startsWith("2026-01-01T00:00:00Z  task-received   tasks.add[" + r.id() + "]");
    assertThat(lines[2]).startsWith("2026-01-01T00:00:00Z  task-started    tasks.add[");
    assertThat(lines[3])
        .isEqualTo(
            "2026-01-01T00:00:00Z  task-succeeded  tasks.add["
                + r.id()
                + "] {result=5, runtime=PT0S}");
    assertThat(timeline).endsWith("\n");
  }

  @Test
  void eventLineWithoutPayloadHasNoBraces() {
    TaskEvent e = new TaskEvent("task-custom", T0, "id-1", "tasks.x", Map.of());

    assertThat(e.toLine()).isEqualTo("2026-01-01T00:00:00Z  task-custom     tasks.x[id-1]");
  }

  @Test
  void eventPayloadCannotBeChanged() {
    AsyncResult<Integer> r = add.delay(1, 1);
    TaskEvent sent = event(r.id(), "task-sent");

    assertThatThrownBy(() -> sent.payload().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> app.journal().events().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void capacityBoundsTheJournalAndCountsWhatWasDropped() {
    InMemoryCelery small = InMemoryCelery.create(CeleryConfig.defaults().journalCapacity(3));
    small.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = small.sendTask("tasks.add", 1, 1);
    r.get();

    EventJournal journal = small.journal();
    assertThat(journal.enabled()).isTrue();
    assertThat(journal.capacity()).isEqualTo(3);
    assertThat(journal.events())
        .extracting(TaskEvent::type)
        .containsExactly("task-received", "task-started", "task-succeeded");
    assertThat(journal.dropped()).isEqualTo(1);
    assertThat(journal.timeline())
        .startsWith("(1 earlier events dropped; journal capacity 3)\n")
        .contains("task-succeeded");
  }

  @Test
  void capacityZeroSwitchesTheJournalOff() {
    InMemoryCelery off = InMemoryCelery.create(CeleryConfig.defaults().journalCapacity(0));
    off.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = off.sendTask("tasks.add", 1, 1);

    assertThat(r.get()).isEqualTo(2);
    assertThat(off.journal().enabled()).isFalse();
    assertThat(off.journal().events()).isEmpty();
    assertThat(off.journal().typesFor(r.id())).isEmpty();
    assertThat(off.journal().dropped()).isEqualTo(4);
  }

  @Test
  void clearForgetsEventsAndTheDroppedCount() {
    InMemoryCelery small = InMemoryCelery.create(CeleryConfig.defaults().journalCapacity(2));
    small.task("tasks.add", (Integer x, Integer y) -> x + y);
    small.<Integer>sendTask("tasks.add", 1, 1).get();

    small.journal().clear();

    assertThat(small.journal().events()).isEmpty();
    assertThat(small.journal().dropped()).isZero();
    assertThat(small.journal().timeline()).isEmpty();
  }

  @Test
  void eagerCallsRecordNoEvents() {
    InMemoryCelery eager = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    Task<Integer> a = eager.task("tasks.add", (Integer x, Integer y) -> x + y);

    a.delay(1, 2);
    a.apply(1, 2);

    assertThat(eager.journal().events()).isEmpty();
  }

  @Test
  void eventsForAnUnknownIdIsEmpty() {
    add.delay(1, 1);

    assertThat(app.journal().eventsFor("nope")).isEmpty();
    assertThat(app.journal().typesFor("nope")).isEmpty();
  }
}
