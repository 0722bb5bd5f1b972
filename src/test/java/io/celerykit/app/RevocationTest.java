package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskRevokedException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevocationTest {

  private static final Instant T0 = VirtualClock.DEFAULT_START;
  private static final RevokeOptions TERMINATE = RevokeOptions.defaults().terminate(true);

  private final InMemoryCelery app = InMemoryCelery.create();
  private final AtomicInteger runs = new AtomicInteger();
  private final Task<Integer> add =
      app.task(
          "tasks.add",
          (Integer x, Integer y) -> {
            runs.incrementAndGet();
            return x + y;
          });

  private AsyncResult<Integer> addWith(ApplyOptions options) {
    return add.applyAsync(List.of(1, 2), Map.of(), options);
  }

  private TaskEvent revokedEvent(String id) {
    return app.journal().eventsFor(id).stream()
        .filter(e -> e.type().equals("task-revoked"))
        .findFirst()
        .orElseThrow();
  }

  // ---------------------------------------------------------------- before start

  @Test
  void revokedBeforeStartIsRevokedWhenTheWorkerReachesIt() {
    AsyncResult<Integer> r = add.delay(1, 2);

    r.revoke();

    assertThat(r.state())
        .as("nothing is stored until the worker reaches it")
        .isEqualTo(TaskState.PENDING);
    assertThat(app.worker().revoked()).containsExactly(r.id());
    app.worker().runUntilIdle();
    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.ready()).isTrue();
    assertThat(r.result()).isInstanceOf(TaskRevokedException.class);
    assertThat((Throwable) r.result()).hasMessage("revoked");
    assertThat(runs).hasValue(0);
  }

  @Test
  void revokedBetweenRetriesReadsRetryUntilTheWorkerReachesIt() {
    // celery/worker/request.py, Request.revoked: the worker checks the ids it holds as revoked
    // when it receives the task; until then the backend keeps the last state stored.
    app.stub("tasks.flaky").retries(1, null).thenReturns("ok");
    AsyncResult<Object> r = app.sendTask("tasks.flaky");
    app.worker().step();
    assertThat(r.state()).isEqualTo(TaskState.RETRY);

    r.revoke();

    assertThat(r.state()).as("still the stored RETRY").isEqualTo(TaskState.RETRY);
    app.worker().runUntilIdle();
    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
  }

  @Test
  void getOfARevokedTaskRaisesTaskRevoked() {
    AsyncResult<Integer> r = add.delay(1, 2);
    r.revoke();

    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("revoked");
    assertThat(runs).hasValue(0);
  }

  @Test
  void revokedEtaTaskIsRevokedAtItsEta() {
    AsyncResult<Integer> r = addWith(ApplyOptions.defaults().countdown(Duration.ofHours(1)));
    r.revoke();

    app.clock().advance(Duration.ofMinutes(59));
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    app.clock().advance(Duration.ofMinutes(1));

    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.dateDone()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(runs).hasValue(0);
  }

  @Test
  void revokedEventSaysNotTerminatedNotExpired() {
    AsyncResult<Integer> r = add.delay(1, 2);
    r.revoke();
    app.worker().runUntilIdle();

    assertThat(app.journal().typesFor(r.id()))
        .containsExactly("task-sent", "task-received", "task-revoked");
    assertThat(revokedEvent(r.id()).payload())
        .containsEntry("terminated", false)
        .containsEntry("expired", false);
  }

  @Test
  void revokeWithTerminateOfATaskNotStartedYetIsAPlainRevoke() {
    AsyncResult<Integer> r = add.delay(1, 2);

    r.revoke(TERMINATE);
    app.worker().runUntilIdle();

    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("revoked");
  }

  @Test
  void revokedTaskDoesNotSendItsLink() {
    Task<Integer> mul = app.task("tasks.mul", (Integer x, Integer y) -> x * y);
    AsyncResult<Integer> r = addWith(ApplyOptions.defaults().link(mul.s(2)));

    r.revoke();
    app.worker().runUntilIdle();

    assertThat(app.journal().events()).noneMatch(e -> e.name().equals("tasks.mul"));
  }

  // ---------------------------------------------------------------- running

  @Test
  void revokeWithTerminateEndsARunningTaskAtOnce() {
    TaskStub slow = app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();
    app.clock().advance(Duration.ofSeconds(10));
    assertThat(app.worker().active()).containsExactly(r.id());

    r.revoke(TERMINATE);

    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat(r.dateDone()).isEqualTo(T0.plusSeconds(10));
    assertThat(app.worker().active()).isEmpty();
    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("terminated");
    assertThat(revokedEvent(r.id()).payload())
        .containsEntry("terminated", true)
        .containsEntry("expired", false)
        .containsEntry("signum", "SIGTERM");
    app.worker().runUntilIdle();
    assertThat(app.asyncResult(r.id()).state()).isEqualTo(TaskState.REVOKED);
    assertThat(app.journal().typesFor(r.id())).doesNotContain("task-succeeded");
    assertThat(slow.calls()).isEqualTo(1);
  }

  @Test
  void terminateRecordsTheSignal() {
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    r.revoke(TERMINATE.signal("SIGKILL"));

    assertThat(revokedEvent(r.id()).payload()).containsEntry("signum", "SIGKILL");
  }

  @Test
  void revokeWithoutTerminateLetsARunningTaskFinish() {
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    r.revoke();

    assertThat(app.worker().active()).containsExactly(r.id());
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(r.get()).isEqualTo("x");
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void revokingAFinishedTaskChangesNothing() {
    AsyncResult<Integer> r = add.delay(1, 2);
    assertThat(r.get()).isEqualTo(3);

    r.revoke(TERMINATE);
    app.worker().runUntilIdle();

    assertThat(app.asyncResult(r.id()).state()).isEqualTo(TaskState.SUCCESS);
    assertThat(app.control().requests()).hasSize(1);
  }

  // ---------------------------------------------------------------- stamped headers

  @Test
  void revokeByStampedHeaderRevokesMatchingTasksOnly() {
    AsyncResult<Integer> acme = addWith(ApplyOptions.defaults().header("tenant", "acme"));
    AsyncResult<Integer> other = addWith(ApplyOptions.defaults().header("tenant", "other"));
    AsyncResult<Integer> none = addWith(ApplyOptions.defaults());

    acme.revokeByStampedHeaders(Map.of("tenant", "acme"));
    app.worker().runUntilIdle();

    assertThat(acme.state()).isEqualTo(TaskState.REVOKED);
    assertThat(other.get()).isEqualTo(3);
    assertThat(none.get()).isEqualTo(3);
  }

  @Test
  void revokeByStampedHeaderAcceptsAListOfValues() {
    AsyncResult<Integer> acme = addWith(ApplyOptions.defaults().header("tenant", "acme"));
    AsyncResult<Integer> umbrella = addWith(ApplyOptions.defaults().header("tenant", "umbrella"));
    AsyncResult<Integer> other = addWith(ApplyOptions.defaults().header("tenant", "other"));

    other.revokeByStampedHeaders(Map.of("tenant", List.of("acme", "umbrella")));
    app.worker().runUntilIdle();

    assertThat(acme.state()).isEqualTo(TaskState.REVOKED);
    assertThat(umbrella.state()).isEqualTo(TaskState.REVOKED);
    assertThat(other.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void revokeByStampedHeaderMatchesOneValueOfAListStamp() {
    AsyncResult<Integer> tagged =
        addWith(ApplyOptions.defaults().header("tags", List.of("a", "b")));
    AsyncResult<Integer> untagged = addWith(ApplyOptions.defaults().header("tags", List.of("c")));

    tagged.revokeByStampedHeaders(Map.of("tags", "b"));
    app.worker().runUntilIdle();

    assertThat(tagged.state()).isEqualTo(TaskState.REVOKED);
    assertThat(untagged.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void revokeByStampedHeadersRevokesATaskMatchingAnyOfTheHeaders() {
    AsyncResult<Integer> eu = addWith(ApplyOptions.defaults().header("region", "eu"));
    AsyncResult<Integer> acme = addWith(ApplyOptions.defaults().header("tenant", "acme"));
    AsyncResult<Integer> us = addWith(ApplyOptions.defaults().header("region", "us"));

    eu.revokeByStampedHeaders(Map.of("tenant", "acme", "region", "eu"));
    app.worker().runUntilIdle();

    assertThat(eu.state()).isEqualTo(TaskState.REVOKED);
    assertThat(acme.state()).isEqualTo(TaskState.REVOKED);
    assertThat(us.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void revokeByStampedHeadersAccumulatesAcrossRequests() {
    AsyncResult<Integer> a = addWith(ApplyOptions.defaults().header("tenant", "a"));
    AsyncResult<Integer> b = addWith(ApplyOptions.defaults().header("tenant", "b"));

    a.revokeByStampedHeaders(Map.of("tenant", "a"));
    b.revokeByStampedHeaders(Map.of("tenant", "b"));
    app.worker().runUntilIdle();

    assertThat(a.state()).isEqualTo(TaskState.REVOKED);
    assertThat(b.state()).isEqualTo(TaskState.REVOKED);
  }

  @Test
  void revokeByStampedHeaderWithTerminateEndsMatchingRunningTasks() {
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    AsyncResult<String> acme =
        app.<String>taskNamed("tasks.slow")
            .applyAsync(List.of(), Map.of(), ApplyOptions.defaults().header("tenant", "acme"));
    AsyncResult<String> other =
        app.<String>taskNamed("tasks.slow")
            .applyAsync(List.of(), Map.of(), ApplyOptions.defaults().header("tenant", "other"));
    app.worker().runDue();

    acme.revokeByStampedHeaders(Map.of("tenant", "acme"), TERMINATE);

    assertThat(acme.state()).isEqualTo(TaskState.REVOKED);
    assertThat((Throwable) acme.result()).hasMessage("terminated");
    assertThat(app.worker().active()).containsExactly(other.id());
    assertThat(other.get()).isEqualTo("x");
  }

  @Test
  void revokeByStampedHeadersNeedsAHeader() {
    AsyncResult<Integer> r = add.delay(1, 2);

    assertThatThrownBy(() -> r.revokeByStampedHeaders(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one header");
  }

  // ---------------------------------------------------------------- expires

  @Test
  void taskNotStartedBeforeItExpiresIsRevokedAsExpired() {
    AsyncResult<Integer> r =
        addWith(
            ApplyOptions.defaults()
                .countdown(Duration.ofMinutes(10))
                .expires(Duration.ofMinutes(5)));

    app.worker().runUntilIdle();

    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat((Throwable) r.result()).hasMessage("expired");
    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("expired");
    assertThat(r.dateDone()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(revokedEvent(r.id()).payload())
        .containsEntry("expired", true)
        .containsEntry("terminated", false);
    assertThat(runs).hasValue(0);
  }

  @Test
  void expiresAsAnInstantInThePastRevokesAtOnce() {
    app.clock().advance(Duration.ofMinutes(1));

    AsyncResult<Integer> r = addWith(ApplyOptions.defaults().expires(T0));
    app.worker().runDue();

    assertThat(r.state()).isEqualTo(TaskState.REVOKED);
    assertThat((Throwable) r.result()).hasMessage("expired");
  }

  @Test
  void taskStartedExactlyAtItsExpiryStillRuns() {
    AsyncResult<Integer> r =
        addWith(
            ApplyOptions.defaults()
                .countdown(Duration.ofMinutes(5))
                .expires(Duration.ofMinutes(5)));

    assertThat(r.get()).isEqualTo(3);
  }

  @Test
  void taskStartedBeforeItExpiresRuns() {
    AsyncResult<Integer> r = addWith(ApplyOptions.defaults().expires(Duration.ofMinutes(5)));

    assertThat(r.get()).isEqualTo(3);
  }

  @Test
  void expiredWinsOverRevokedAsTheReason() {
    AsyncResult<Integer> r =
        addWith(
            ApplyOptions.defaults()
                .countdown(Duration.ofMinutes(10))
                .expires(Duration.ofMinutes(1)));
    r.revoke();

    app.worker().runUntilIdle();

    assertThat((Throwable) r.result()).hasMessage("expired");
  }

  @Test
  void negativeExpiresIsRejected() {
    assertThatThrownBy(() -> ApplyOptions.defaults().expires(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
  }

  // ---------------------------------------------------------------- unknown ids, requests

  @Test
  void revokingAnUnknownIdIsRecordedAndHarmless() {
    AsyncResult<Object> ghost = app.asyncResult("no-such-task");

    ghost.revoke();
    app.worker().runUntilIdle();

    assertThat(app.control().revoked()).containsExactly("no-such-task");
    assertThat(app.worker().revoked()).containsExactly("no-such-task");
    assertThat(ghost.state()).isEqualTo(TaskState.PENDING);
    assertThat(app.backend().exists("no-such-task")).isFalse();
    assertThat(app.journal().events()).isEmpty();
  }

  @Test
  void revokingAnIdBeforeItIsSentRevokesTheTaskSentUnderIt() {
    app.control().revoke(List.of("later"), RevokeOptions.defaults());

    AsyncResult<Integer> r = addWith(ApplyOptions.defaults().taskId("later"));

    assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class);
  }

  @Test
  void blankIdsCannotBeRevoked() {
    assertThatThrownBy(() -> app.control().revoke(List.of("ok", " "), RevokeOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskIds[1]");
    assertThat(app.control().requests()).isEmpty();
  }

  @Test
  void everyRequestIsRecordedInOrderWithItsVirtualTime() {
    AsyncResult<Integer> first = add.delay(1, 1);
    AsyncResult<Integer> second = add.delay(2, 2);

    first.revoke();
    app.clock().advance(Duration.ofSeconds(5));
    second.revoke(TERMINATE.signal("SIGKILL"));
    second.revokeByStampedHeaders(Map.of("tenant", "acme"));
    app.control().revoke(List.of("x", "y"), RevokeOptions.defaults());

    List<RevokeRequest> requests = app.control().requests();
    assertThat(requests).hasSize(4);
    assertThat(requests.get(0).taskIds()).containsExactly(first.id());
    assertThat(requests.get(0).options().terminate()).isFalse();
    assertThat(requests.get(0).at()).isEqualTo(T0);
    assertThat(requests.get(0).byStampedHeaders()).isFalse();
    assertThat(requests.get(1).revokes(second.id())).isTrue();
    assertThat(requests.get(1).options().terminate()).isTrue();
    assertThat(requests.get(1).options().signal()).isEqualTo("SIGKILL");
    assertThat(requests.get(1).at()).isEqualTo(T0.plusSeconds(5));
    assertThat(requests.get(2).byStampedHeaders()).isTrue();
    assertThat(requests.get(2).headers()).containsExactly(Map.entry("tenant", "acme"));
    assertThat(requests.get(2).taskIds()).isEmpty();
    assertThat(requests.get(3).taskIds()).containsExactly("x", "y");
    assertThat(app.control().revoked()).containsExactly(first.id(), second.id(), "x", "y");
  }

  @Test
  void requestsCannotBeChangedFromOutside() {
    add.delay(1, 1).revoke();

    assertThatThrownBy(() -> app.control().requests().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // ---------------------------------------------------------------- threaded

  @Test
  void threadedRevokeWithTerminateEndsARunningTask() {
    try (InMemoryCelery threaded =
        InMemoryCelery.create(CeleryConfig.defaults().workerMode(WorkerMode.THREADED))) {
      threaded.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));

      AsyncResult<String> r = threaded.sendTask("tasks.slow");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> threaded.worker().active().contains(r.id()));
      r.revoke(TERMINATE);

      assertThat(r.state()).isEqualTo(TaskState.REVOKED);
      assertThatThrownBy(r::get).isInstanceOf(TaskRevokedException.class).hasMessage("terminated");
    }
  }
}
