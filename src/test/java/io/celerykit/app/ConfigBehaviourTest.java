package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConfigBehaviourTest {

  private static final int PID = CeleryConfig.DEFAULT_WORKER_PID;

  private static InMemoryCelery app(CeleryConfig config) {
    return InMemoryCelery.create(config);
  }

  // ---------------------------------------------------------------- task_track_started

  @Test
  void withoutTrackStartedARunningTaskReadsPending() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(app.worker().active()).contains(r.id());
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void withTrackStartedARunningTaskReadsStartedWithPidAndHostname() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskTrackStarted(true).hostname("w1@oracle"));
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.STARTED);
    assertThat(r.info()).isEqualTo(Map.of("pid", PID, "hostname", "w1@oracle"));
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) r.info();
    assertThat(meta.keySet()).containsExactly("pid", "hostname");
    assertThat(r.dateDone()).isNull();
    assertThat(r.ready()).isFalse();
    app.clock().advance(Duration.ofMinutes(1));
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void theWorkerPidIsTheConfiguredOneWhereCelerysWorkerStoresItsOwnProcessId() {
    // celery/app/trace.py stores STARTED with {'pid': os.getpid(), 'hostname': hostname}.
    InMemoryCelery app =
        app(CeleryConfig.defaults().taskTrackStarted(true).hostname("w1@oracle").workerPid(77));
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(r.info()).isEqualTo(Map.of("pid", 77, "hostname", "w1@oracle"));
    assertThat(app.journal().eventsFor(r.id()).get(2).payload()).containsEntry("pid", 77);
    assertThat(app.seed().started("seeded").info())
        .isEqualTo(Map.of("pid", 77, "hostname", "w1@oracle"));
  }

  @Test
  void aWorkerPidBelowOneIsRefusedWithTheValue() {
    assertThatThrownBy(() -> CeleryConfig.defaults().workerPid(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("worker pid must be >= 1, got 0");
  }

  @Test
  void startedIsStoredBeforeTheBodyRuns() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskTrackStarted(true));
    AtomicInteger seenStarted = new AtomicInteger();
    Task<String> t =
        app.boundTask(
            "tasks.look",
            self -> {
              if (app.asyncResult(self.id()).state().equals(TaskState.STARTED)) {
                seenStarted.incrementAndGet();
              }
              return "ok";
            });

    t.delay().get();

    assertThat(seenStarted).hasValue(1);
  }

  @Test
  void taskCanSwitchTrackStartedOnAgainstTheApp() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    app.taskNamed("tasks.slow").configure(TaskOptions.defaults().trackStarted(true));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.STARTED);
  }

  @Test
  void taskCanSwitchTrackStartedOffAgainstTheApp() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskTrackStarted(true));
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    app.taskNamed("tasks.slow").configure(TaskOptions.defaults().trackStarted(false));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.PENDING);
  }

  @Test
  void trackStartedStoresNothingForATaskThatIgnoresItsResult() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskTrackStarted(true));
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    app.taskNamed("tasks.slow").configure(TaskOptions.defaults().ignoreResult(true));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(app.worker().active()).contains(r.id());
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
  }

  // ---------------------------------------------------------------- result_extended

  @Test
  void withoutResultExtendedOnlyTheOutcomeIsStored() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.applyAsync(List.of(2, 3), Map.of(), ApplyOptions.defaults());
    r.get();

    assertThat(r.name()).isNull();
    assertThat(r.args()).isNull();
    assertThat(r.kwargs()).isNull();
    assertThat(r.worker()).isNull();
    assertThat(r.queue()).isNull();
    assertThat(r.retries()).isNull();
    assertThat(r.dateDone()).isNotNull();
  }

  @Test
  void withResultExtendedTheRequestIsStoredToo() {
    InMemoryCelery app = app(CeleryConfig.defaults().resultExtended(true).hostname("wext@oracle"));
    Task<Object> add =
        app.boundTask(
            "tasks.add", self -> (Integer) self.args().get(0) + (Integer) self.kwargs().get("y"));

    AsyncResult<Object> r = add.applyAsync(List.of(2), Map.of("y", 3), ApplyOptions.defaults());

    assertThat(r.get()).isEqualTo(5);
    assertThat(r.name()).isEqualTo("tasks.add");
    assertThat(r.args()).containsExactly(2);
    assertThat(r.kwargs()).containsExactly(Map.entry("y", 3));
    assertThat(r.worker()).isEqualTo("wext@oracle");
    assertThat(r.queue()).isEqualTo("celery");
    assertThat(r.retries()).isZero();
  }

  @Test
  void resultExtendedAppliesToFailuresStartedAndRevokedToo() {
    InMemoryCelery app = app(CeleryConfig.defaults().resultExtended(true).taskTrackStarted(true));
    Task<Integer> boom =
        app.task(
            "tasks.fail",
            () -> {
              throw new IllegalStateException("boom");
            });
    app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> failed = boom.delay();
    AsyncResult<String> started = app.sendTask("tasks.slow", 1.0);
    AsyncResult<Integer> revoked =
        add.applyAsync(
            List.of(0, 0), Map.of(), ApplyOptions.defaults().countdown(Duration.ofHours(1)));
    revoked.revoke();
    app.worker().runDue();

    assertThat(failed.name()).isEqualTo("tasks.fail");
    assertThat(failed.retries()).isZero();
    assertThat(started.state()).isEqualTo(TaskState.STARTED);
    assertThat(started.args()).containsExactly(1.0);
    assertThat(started.worker()).isEqualTo("celery@celerykit");
    app.clock().advance(Duration.ofHours(1));
    assertThat(revoked.state()).isEqualTo(TaskState.REVOKED);
    assertThat(revoked.name()).isEqualTo("tasks.add");
    assertThat(revoked.args()).containsExactly(0, 0);
  }

  // ---------------------------------------------------------------- task_always_eager

  @Test
  void alwaysEagerRunsAtOnceAndReturnsAnEagerResult() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskAlwaysEager(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(2, 3);

    assertThat(r).isInstanceOf(EagerResult.class);
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo(5);
    assertThat(app.worker().queued()).isZero();
    assertThat(app.worker().executed()).isZero();
    assertThat(app.backend().exists(r.id())).isFalse();
    assertThat(app.clock().pendingEvents()).isZero();
  }

  @Test
  void alwaysEagerIgnoresCountdown() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskAlwaysEager(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(1, 2), Map.of(), ApplyOptions.defaults().countdown(Duration.ofHours(1)));

    assertThat(r.get()).isEqualTo(3);
    assertThat(app.clock().elapsed()).isZero();
  }

  @Test
  void alwaysEagerKeepsAFailureInTheResultWithoutPropagates() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskAlwaysEager(true));
    IllegalStateException boom = new IllegalStateException("boom");
    Task<Integer> t =
        app.task(
            "tasks.fail",
            () -> {
              throw boom;
            });

    AsyncResult<Integer> r = t.delay();

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.result()).isSameAs(boom);
    assertThatThrownBy(r::get).isSameAs(boom);
  }

  @Test
  void alwaysEagerWithPropagatesRaisesFromDelay() {
    InMemoryCelery app =
        app(CeleryConfig.defaults().taskAlwaysEager(true).taskEagerPropagates(true));
    IllegalStateException boom = new IllegalStateException("boom");
    Task<Integer> t =
        app.task(
            "tasks.fail",
            () -> {
              throw boom;
            });

    assertThatThrownBy(t::delay).isSameAs(boom);
  }

  @Test
  void propagatesWrapsACheckedFailure() {
    InMemoryCelery app =
        app(CeleryConfig.defaults().taskAlwaysEager(true).taskEagerPropagates(true));
    java.io.IOException io = new java.io.IOException("disk");
    Task<Integer> t =
        app.task(
            "tasks.fail",
            () -> {
              throw io;
            });

    assertThatThrownBy(t::delay)
        .isInstanceOf(io.celerykit.result.TaskFailedException.class)
        .hasCause(io);
  }

  @Test
  void alwaysEagerStoresResultsOnlyWithStoreEagerResult() {
    InMemoryCelery plain = app(CeleryConfig.defaults().taskAlwaysEager(true));
    InMemoryCelery storing =
        app(CeleryConfig.defaults().taskAlwaysEager(true).taskStoreEagerResult(true));
    Task<Integer> addPlain = plain.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> addStoring = storing.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> notStored = addPlain.delay(1, 2);
    AsyncResult<Integer> stored = addStoring.delay(1, 2);

    assertThat(plain.backend().exists(notStored.id())).isFalse();
    AsyncResult<Integer> read = storing.asyncResult(stored.id());
    assertThat(read.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(read.get()).isEqualTo(3);
  }

  @Test
  void storeEagerResultStoresFailuresToo() {
    InMemoryCelery app =
        app(CeleryConfig.defaults().taskAlwaysEager(true).taskStoreEagerResult(true));
    IllegalStateException boom = new IllegalStateException("boom");
    Task<Integer> t =
        app.task(
            "tasks.fail",
            () -> {
              throw boom;
            });

    AsyncResult<Integer> r = t.delay();

    TaskMeta meta = app.backend().getTaskMeta(r.id());
    assertThat(meta.state()).isEqualTo(TaskState.FAILURE);
    // Stored as the JSON serializer stores it; the eager result itself keeps the instance.
    assertThat(meta.result()).is(raisedAs(IllegalStateException.class));
    assertThat(r.result()).isSameAs(boom);
  }

  @Test
  void storeEagerResultDoesNotStoreForATaskThatIgnoresItsResult() {
    InMemoryCelery app =
        app(CeleryConfig.defaults().taskAlwaysEager(true).taskStoreEagerResult(true));
    Task<Integer> add =
        app.task("tasks.add", (Integer x, Integer y) -> x + y)
            .configure(TaskOptions.defaults().ignoreResult(true));

    AsyncResult<Integer> r = add.delay(1, 2);

    assertThat(r.get()).isEqualTo(3);
    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void alwaysEagerRunsNestedCallsInlineToo() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskAlwaysEager(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    // waiting inside needs allow_join_result: eager apply_async denies it (denied_join_result)
    Task<Integer> outer =
        app.task("tasks.outer", () -> app.allowJoinResult(() -> add.delay(1, 2).get()) * 10);

    assertThat(outer.delay().get()).isEqualTo(30);
  }

  // ---------------------------------------------------------------- ignore_result

  @Test
  void taskIgnoreResultStoresNoSuccess() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskIgnoreResult(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 2);
    app.worker().runUntilIdle();

    assertThat(app.journal().typesFor(r.id())).contains("task-succeeded");
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    // celery/app/base.py send_task marks the result ignored; AsyncResult.get returns None
    assertThat(r.ignored()).isTrue();
    assertThat(r.get(Duration.ofSeconds(5))).isNull();
  }

  @Test
  void taskIgnoreResultStoresNoFailureEither() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskIgnoreResult(true));
    Task<Integer> boom =
        app.task(
            "tasks.fail",
            () -> {
              throw new IllegalStateException("boom");
            });

    AsyncResult<Integer> r = boom.delay();
    app.worker().runUntilIdle();

    assertThat(app.journal().typesFor(r.id())).contains("task-failed");
    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void taskIgnoreResultStoresNoRetryOrRevokedEither() {
    InMemoryCelery app =
        app(
            CeleryConfig.defaults()
                .taskIgnoreResult(true)
                .defaultRetryDelay(Duration.ofSeconds(1)));
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              throw self.retry(new IllegalStateException("again"));
            });
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<String> retrying = flaky.delay();
    app.worker().step();
    AsyncResult<Integer> revoked = add.delay(1, 1);
    revoked.revoke();
    app.worker().runUntilIdle();

    assertThat(app.journal().typesFor(retrying.id())).contains("task-retried", "task-failed");
    assertThat(app.journal().typesFor(revoked.id())).contains("task-revoked");
    assertThat(app.backend().exists(retrying.id())).isFalse();
    assertThat(app.backend().exists(revoked.id())).isFalse();
  }

  @Test
  void taskCanIgnoreItsResultAgainstTheApp() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    Task<Integer> add =
        app.task("tasks.add", (Integer x, Integer y) -> x + y)
            .configure(TaskOptions.defaults().ignoreResult(true));

    AsyncResult<Integer> r = add.delay(1, 2);
    app.worker().runUntilIdle();

    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void taskCanKeepItsResultAgainstTheApp() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskIgnoreResult(true));
    Task<Integer> add =
        app.task("tasks.add", (Integer x, Integer y) -> x + y)
            .configure(TaskOptions.defaults().ignoreResult(false));

    assertThat(add.delay(1, 2).get()).isEqualTo(3);
  }

  @Test
  void ignoreResultForOneCallSkipsTheSuccessButStillStoresAFailure() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> boom =
        app.task(
            "tasks.fail",
            () -> {
              throw new IllegalStateException("boom");
            });
    ApplyOptions ignore = ApplyOptions.defaults().ignoreResult(true);

    AsyncResult<Integer> ok = add.applyAsync(List.of(1, 2), Map.of(), ignore);
    AsyncResult<Integer> failed = boom.applyAsync(List.of(), Map.of(), ignore);
    app.worker().runUntilIdle();

    assertThat(app.backend().exists(ok.id())).isFalse();
    assertThat(failed.state()).isEqualTo(TaskState.FAILURE);
  }

  @Test
  void keepingTheResultForOneCallDoesNotOverrideATaskThatIgnoresIt() {
    InMemoryCelery app = app(CeleryConfig.defaults().taskIgnoreResult(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().ignoreResult(false));
    app.worker().runUntilIdle();

    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void ignoredResultsStillSendLinks() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    Task<Integer> add =
        app.task("tasks.add", (Integer x, Integer y) -> x + y)
            .configure(TaskOptions.defaults().ignoreResult(true));
    Task<Integer> mul = app.task("tasks.mul", (Integer x, Integer y) -> x * y);

    add.applyAsync(List.of(2, 3), Map.of(), ApplyOptions.defaults().link(mul.s(10)));
    app.worker().runUntilIdle();

    assertThat(app.journal().events())
        .filteredOn(e -> e.name().equals("tasks.mul") && e.type().equals("task-succeeded"))
        .singleElement()
        .satisfies(e -> assertThat(e.payload()).containsEntry("result", "50"));
  }

  // ---------------------------------------------------------------- result_expires

  @Test
  void resultReadsPendingAfterResultExpires() {
    InMemoryCelery app = app(CeleryConfig.defaults().resultExpires(Duration.ofHours(1)));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 2);
    app.worker().runUntilIdle();
    String id = r.id();

    app.clock().advance(Duration.ofMinutes(59));
    assertThat(app.<Integer>asyncResult(id).state()).isEqualTo(TaskState.SUCCESS);
    app.clock().advance(Duration.ofMinutes(1));
    assertThat(app.<Integer>asyncResult(id).state()).isEqualTo(TaskState.PENDING);
    assertThat(app.backend().exists(id)).isFalse();
  }

  @Test
  void resultsExpireAfterOneDayByDefault() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 2);
    app.worker().runUntilIdle();
    app.clock().advance(Duration.ofDays(1).minusSeconds(1));
    assertThat(app.backend().exists(r.id())).isTrue();
    app.clock().advance(Duration.ofSeconds(1));

    assertThat(app.asyncResult(r.id()).state()).isEqualTo(TaskState.PENDING);
  }

  @Test
  void theTtlCountsFromWhenTheResultWasStored() {
    InMemoryCelery app = app(CeleryConfig.defaults().resultExpires(Duration.ofHours(1)));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r =
        add.applyAsync(
            List.of(1, 2), Map.of(), ApplyOptions.defaults().countdown(Duration.ofHours(5)));
    app.worker().runUntilIdle();
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofHours(5));

    app.clock().advance(Duration.ofMinutes(30));
    assertThat(app.backend().exists(r.id())).isTrue();
    app.clock().advance(Duration.ofMinutes(30));
    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void withoutResultExpiresResultsAreKeptForever() {
    InMemoryCelery app = app(CeleryConfig.defaults().resultExpires(null));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 2);
    app.worker().runUntilIdle();
    app.clock().advance(Duration.ofDays(365));

    assertThat(app.asyncResult(r.id()).state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void waitingWithoutTimeoutDoesNotRunExpiryToFindOut() {
    InMemoryCelery app = app(CeleryConfig.defaults());
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> done = add.delay(1, 2);
    app.worker().runUntilIdle();

    assertThatThrownBy(() -> app.asyncResult("never-sent").get())
        .isInstanceOf(io.celerykit.result.WouldBlockForeverException.class);

    assertThat(app.clock().elapsed()).isZero();
    assertThat(app.asyncResult(done.id()).state()).isEqualTo(TaskState.SUCCESS);
  }

  // ---------------------------------------------------------------- per-task overrides

  @Test
  void taskMaxRetriesOverridesTheApp() {
    InMemoryCelery app = app(CeleryConfig.defaults().maxRetries(5));
    AtomicInteger attempts = new AtomicInteger();
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              attempts.incrementAndGet();
              throw self.retry(null, Duration.ofSeconds(1));
            });
    flaky.configure(TaskOptions.defaults().maxRetries(1));

    AsyncResult<String> r = flaky.delay();

    assertThatThrownBy(r::get).isInstanceOf(MaxRetriesExceededException.class);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void appMaxRetriesApplies() {
    InMemoryCelery app = app(CeleryConfig.defaults().maxRetries(0));
    AtomicInteger attempts = new AtomicInteger();
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              attempts.incrementAndGet();
              throw self.retry();
            });

    assertThatThrownBy(() -> flaky.delay().get()).isInstanceOf(MaxRetriesExceededException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void nullMaxRetriesRetriesForever() {
    InMemoryCelery app = app(CeleryConfig.defaults().maxRetries(null));
    Task<String> flaky =
        app.boundTask(
            "tasks.flaky",
            self -> {
              if (self.retries() < 10) {
                throw self.retry(null, Duration.ofSeconds(1));
              }
              return "ok after " + self.retries();
            });

    assertThat(flaky.delay().get()).isEqualTo("ok after 10");
  }

  @Test
  void taskRetryDelayOverridesTheApp() {
    InMemoryCelery app = app(CeleryConfig.defaults().defaultRetryDelay(Duration.ofSeconds(30)));
    Task<String> onceA =
        app.boundTask(
            "tasks.a",
            self -> {
              if (self.retries() == 0) throw self.retry();
              return "a";
            });
    Task<String> onceB =
        app.boundTask(
                "tasks.b",
                self -> {
                  if (self.retries() == 0) throw self.retry();
                  return "b";
                })
            .configure(TaskOptions.defaults().defaultRetryDelay(Duration.ofSeconds(5)));

    AsyncResult<String> b = onceB.delay();
    assertThat(b.get()).isEqualTo("b");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(5));

    AsyncResult<String> a = onceA.delay();
    assertThat(a.get()).isEqualTo("a");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(35));
  }
}
