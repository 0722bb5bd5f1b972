package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerTest {

  private static final Instant T0 = VirtualClock.DEFAULT_START;

  private static ApplyOptions countdown(long seconds) {
    return ApplyOptions.defaults().countdown(Duration.ofSeconds(seconds));
  }

  // ---------------------------------------------------------------- deterministic

  @Test
  void deterministicIsTheDefault() {
    InMemoryCelery app = InMemoryCelery.create();

    assertThat(app.worker().mode()).isEqualTo(WorkerMode.DETERMINISTIC);
  }

  @Test
  void nothingRunsUntilTheTestSaysSo() {
    InMemoryCelery app = InMemoryCelery.create();
    AtomicInteger runs = new AtomicInteger();
    Task<Integer> t = app.task("tasks.count", () -> runs.incrementAndGet());

    AsyncResult<Integer> r = t.delay();

    assertThat(runs).hasValue(0);
    assertThat(app.worker().queued()).isEqualTo(1);
    assertThat(app.worker().executed()).isZero();
    assertThat(r.state()).isEqualTo(TaskState.PENDING);
    assertThat(app.journal().typesFor(r.id())).containsExactly("task-sent", "task-received");
  }

  @Test
  void stepRunsOneTaskAtATime() {
    InMemoryCelery app = InMemoryCelery.create();
    AtomicInteger runs = new AtomicInteger();
    Task<Integer> t = app.task("tasks.count", () -> runs.incrementAndGet());
    t.delay();
    t.delay();

    assertThat(app.worker().step()).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(app.worker().queued()).isEqualTo(1);
    assertThat(app.worker().step()).isTrue();
    assertThat(runs).hasValue(2);
    assertThat(app.worker().step()).isFalse();
    assertThat(app.worker().executed()).isEqualTo(2);
  }

  @Test
  void runDueRunsWhatIsDueWithoutMovingTheClock() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> now1 = add.delay(1, 1);
    AsyncResult<Integer> later = add.applyAsync(List.of(2, 2), Map.of(), countdown(10));
    AsyncResult<Integer> now2 = add.delay(3, 3);

    int ran = app.worker().runDue();

    assertThat(ran).isEqualTo(2);
    assertThat(now1.ready()).isTrue();
    assertThat(now2.ready()).isTrue();
    assertThat(later.ready()).isFalse();
    assertThat(app.clock().elapsed()).isZero();
    assertThat(app.worker().queued()).isEqualTo(1);
  }

  @Test
  void runUntilIdleRunsCountdownsAdvancingTheClock() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> a = add.applyAsync(List.of(1, 1), Map.of(), countdown(30));
    AsyncResult<Integer> b = add.applyAsync(List.of(2, 2), Map.of(), countdown(90));

    int ran = app.worker().runUntilIdle();

    assertThat(ran).isEqualTo(2);
    assertThat(a.ready()).isTrue();
    assertThat(b.ready()).isTrue();
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(90));
    assertThat(app.worker().runUntilIdle()).isZero();
  }

  @Test
  void runUntilIdleDoesNotWaitForResultExpiry() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> r = add.delay(1, 1);

    app.worker().runUntilIdle();

    assertThat(app.clock().elapsed()).isZero();
    assertThat(app.backend().exists(r.id())).isTrue();
  }

  @Test
  void advancingTheClockRunsWhatBecomesDue() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> a = add.applyAsync(List.of(1, 1), Map.of(), countdown(30));
    AsyncResult<Integer> b = add.applyAsync(List.of(2, 2), Map.of(), countdown(90));

    app.clock().advance(Duration.ofSeconds(60));

    assertThat(a.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(a.dateDone()).isEqualTo(T0.plusSeconds(30));
    assertThat(b.state()).isEqualTo(TaskState.PENDING);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void getRunsTheWorkerAsFarAsNeeded() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> first = add.applyAsync(List.of(1, 1), Map.of(), countdown(10));
    AsyncResult<Integer> second = add.applyAsync(List.of(2, 2), Map.of(), countdown(20));

    assertThat(first.get()).isEqualTo(2);

    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(second.ready()).isFalse();
  }

  @Test
  void tasksRunInEtaThenArrivalOrder() {
    InMemoryCelery app = InMemoryCelery.create();
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    Task<String> rec =
        app.task(
            "tasks.rec",
            (String name) -> {
              order.add(name);
              return name;
            });

    rec.applyAsync(List.of("A"), Map.of(), countdown(10));
    rec.delay("B");
    rec.applyAsync(List.of("C"), Map.of(), countdown(5));
    rec.delay("D");
    rec.applyAsync(List.of("E"), Map.of(), ApplyOptions.defaults().eta(T0.plusSeconds(5)));
    rec.applyAsync(List.of("F"), Map.of(), countdown(0));
    app.worker().runUntilIdle();

    assertThat(order).containsExactly("B", "D", "F", "C", "E", "A");
  }

  @Test
  void countdownIsMeasuredOnTheVirtualClock() {
    InMemoryCelery app = InMemoryCelery.create();
    Map<String, Instant> ranAt = new ConcurrentHashMap<>();
    Task<String> stamp =
        app.boundTask(
            "tasks.stamp",
            self -> {
              ranAt.put(self.id(), app.clock().now());
              return "ok";
            });

    app.clock().advance(Duration.ofMinutes(1));
    AsyncResult<String> r = stamp.applyAsync(List.of(), Map.of(), countdown(10));
    r.get();

    assertThat(ranAt.get(r.id())).isEqualTo(T0.plusSeconds(70));
  }

  @Test
  void etaInThePastRunsAtOnce() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    app.clock().advance(Duration.ofHours(1));

    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().eta(T0));
    app.worker().runDue();

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.dateDone()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void getWithTimeoutReturnsAtTheTasksVirtualTime() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> r = add.applyAsync(List.of(1, 2), Map.of(), countdown(30));

    assertThat(r.get(Duration.ofMinutes(1))).isEqualTo(3);

    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void getWithATimeoutShorterThanTheCountdownTimesOutInVirtualTime() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    AsyncResult<Integer> r = add.applyAsync(List.of(1, 2), Map.of(), countdown(30));

    assertThatThrownBy(() -> r.get(Duration.ofSeconds(10)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageStartingWith("The operation timed out.");

    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(10));
    assertThat(r.get(Duration.ofSeconds(20))).isEqualTo(3);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aTaskThatTakesTimeIsActiveUntilItCompletes() {
    InMemoryCelery app = InMemoryCelery.create();
    app.stub("tasks.slow").returns("x").takes(Duration.ofSeconds(30));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    app.worker().step();

    assertThat(app.worker().active()).containsExactly(r.id());
    assertThat(app.worker().queued()).isZero();
    app.clock().advance(Duration.ofSeconds(29));
    assertThat(r.ready()).isFalse();
    app.clock().advance(Duration.ofSeconds(1));
    assertThat(r.get()).isEqualTo("x");
    assertThat(app.worker().active()).isEmpty();
  }

  @Test
  void startAndSuccessEventsAreAtTheirVirtualTimesWithTheVirtualRuntime() {
    InMemoryCelery app = InMemoryCelery.create();
    app.stub("tasks.slow").returns("x").takes(Duration.ofSeconds(30));

    AsyncResult<String> r = app.sendTask("tasks.slow");
    r.get();

    assertThat(app.journal().eventsFor(r.id()))
        .filteredOn(e -> e.type().equals("task-succeeded"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.at()).isEqualTo(T0.plusSeconds(30));
              assertThat(e.payload()).containsEntry("runtime", Duration.ofSeconds(30));
            });
    assertThat(app.journal().eventsFor(r.id()))
        .filteredOn(e -> e.type().equals("task-started"))
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(T0));
  }

  @Test
  void appsDoNotShareAnything() {
    InMemoryCelery one = InMemoryCelery.create();
    InMemoryCelery two = InMemoryCelery.create();
    one.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = one.sendTask("tasks.add", 1, 2);
    r.get();

    assertThat(two.taskNames()).isEmpty();
    assertThat(two.backend().exists(r.id())).isFalse();
    assertThat(two.journal().events()).isEmpty();
  }

  @Test
  void closingADeterministicAppIsHarmless() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    app.close();

    assertThat(add.delay(1, 2).get()).isEqualTo(3);
  }

  @Test
  void appCanStartItsClockAtAnyInstant() {
    Instant start = Instant.parse("2030-06-01T12:00:00Z");
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults(), start);
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.applyAsync(List.of(1, 2), Map.of(), countdown(5));
    r.get();

    assertThat(r.dateDone()).isEqualTo(start.plusSeconds(5));
  }

  // ---------------------------------------------------------------- threaded

  private static InMemoryCelery threaded(int threads) {
    return InMemoryCelery.create(
        CeleryConfig.defaults().workerMode(WorkerMode.THREADED).concurrency(threads));
  }

  @Test
  void threadedModeRunsTasksOnWorkerThreads() {
    try (InMemoryCelery app = threaded(2)) {
      Set<String> threads = ConcurrentHashMap.newKeySet();
      Task<Integer> add =
          app.task(
              "tasks.add",
              (Integer x, Integer y) -> {
                threads.add(Thread.currentThread().getName());
                return x + y;
              });

      AsyncResult<Integer> r = add.delay(2, 3);
      await().atMost(Duration.ofSeconds(10)).until(r::ready);

      assertThat(app.worker().mode()).isEqualTo(WorkerMode.THREADED);
      assertThat(r.get()).isEqualTo(5);
      assertThat(threads).containsExactly("celerykit-worker");
      assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }
  }

  @Test
  void threadedTasksThatTakeTimeCompleteWhileAnotherThreadAdvancesTheClock() throws Exception {
    try (InMemoryCelery app = threaded(2)) {
      app.stub("tasks.slow").returns("done").takes(Duration.ofMillis(1));
      List<AsyncResult<Object>> results = new ArrayList<>();
      java.util.concurrent.atomic.AtomicBoolean sending =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      Thread advancer =
          new Thread(
              () -> {
                while (sending.get()) {
                  app.clock().advance(Duration.ofMillis(1));
                }
              });
      advancer.start();
      try {
        for (int i = 0; i < 500; i++) {
          results.add(app.sendTask("tasks.slow"));
        }
      } finally {
        sending.set(false);
        advancer.join();
      }
      // Whatever is still running completes once the clock moves past it.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                app.clock().advance(Duration.ofMillis(1));
                return results.stream().allMatch(AsyncResult::ready);
              });

      assertThat(results).extracting(AsyncResult::state).containsOnly(TaskState.SUCCESS);
      assertThat(app.worker().active()).isEmpty();
    }
  }

  @Test
  void threadedModeRunsManyTasks() {
    try (InMemoryCelery app = threaded(4)) {
      Task<Integer> square = app.task("tasks.square", (Integer x) -> x * x);
      List<AsyncResult<Integer>> results = new ArrayList<>();

      for (int i = 0; i < 50; i++) {
        results.add(square.delay(i));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> results.stream().allMatch(AsyncResult::ready));

      int sum = 0;
      for (AsyncResult<Integer> r : results) {
        sum += r.get();
      }
      assertThat(sum).isEqualTo(40425);
      assertThat(app.worker().executed()).isEqualTo(50);
      assertThat(app.worker().queued()).isZero();
    }
  }

  @Test
  void threadedGetBlocksInRealTimeUntilTheResultIsStored() {
    try (InMemoryCelery app = threaded(1)) {
      Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

      AsyncResult<Integer> r = add.delay(20, 22);

      assertThat(r.get(Duration.ofSeconds(10))).isEqualTo(42);
    }
  }

  @Test
  void threadedCountdownCanBeSkippedByAdvancingTheClock() {
    // Threaded mode's clock follows real time; advancing it by hand moves it further.
    try (InMemoryCelery app = threaded(2)) {
      Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

      AsyncResult<Integer> r = add.applyAsync(List.of(1, 2), Map.of(), countdown(60));

      assertThat(app.worker().queued()).isEqualTo(1);
      assertThat(r.ready()).isFalse();
      app.clock().advance(Duration.ofSeconds(60));
      await().atMost(Duration.ofSeconds(10)).until(r::ready);
      assertThat(r.get()).isEqualTo(3);
      assertThat(r.dateDone()).isAfterOrEqualTo(T0.plusSeconds(60));
    }
  }

  @Test
  void threadedCountdownRunsOnceItsTimeHasPassedInRealTime() {
    // A real worker runs an ETA task when its time comes (celery/worker/consumer: timer); in
    // threaded mode the virtual clock follows real time, so nobody needs to advance it.
    try (InMemoryCelery app = threaded(2)) {
      Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

      AsyncResult<Integer> r =
          add.applyAsync(
              List.of(1, 2), Map.of(), ApplyOptions.defaults().countdown(Duration.ofMillis(50)));

      assertThat(r.get(Duration.ofSeconds(10))).isEqualTo(3);
      assertThat(r.dateDone()).isAfterOrEqualTo(T0.plusMillis(50));
    }
  }

  @Test
  void threadedRetryDelaysAndDurationsPassInRealTime() {
    try (InMemoryCelery app = threaded(2)) {
      app.stub("tasks.flaky")
          .retries(1, new java.io.IOException("busy"))
          .thenReturns("ok")
          .takes(Duration.ofMillis(20));
      app.taskNamed("tasks.flaky")
          .configure(TaskOptions.defaults().defaultRetryDelay(Duration.ofMillis(30)));

      AsyncResult<String> r = app.sendTask("tasks.flaky");

      assertThat(r.get(Duration.ofSeconds(10))).isEqualTo("ok");
      assertThat(app.clock().elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(70));
    }
  }

  @Test
  void threadedFailureIsStored() {
    try (InMemoryCelery app = threaded(2)) {
      IllegalStateException boom = new IllegalStateException("boom");
      Task<Integer> t =
          app.task(
              "tasks.fail",
              () -> {
                throw boom;
              });

      AsyncResult<Integer> r = t.delay();
      await().atMost(Duration.ofSeconds(10)).until(r::ready);

      assertThat(r.state()).isEqualTo(TaskState.FAILURE);
      assertThatThrownBy(r::get)
          .is(raisedAs(IllegalStateException.class))
          .hasMessage("java.lang.IllegalStateException: boom");
    }
  }

  @Test
  void threadedStubThatTakesTimeCompletesWhenTheClockAdvances() {
    try (InMemoryCelery app = threaded(2)) {
      app.stub("tasks.slow").returns("x").takes(Duration.ofMinutes(1));

      AsyncResult<String> r = app.sendTask("tasks.slow");
      await().atMost(Duration.ofSeconds(10)).until(() -> app.worker().active().contains(r.id()));
      app.clock().advance(Duration.ofMinutes(1));

      await().atMost(Duration.ofSeconds(10)).until(r::ready);
      assertThat(r.get()).isEqualTo("x");
    }
  }
}
