package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryException;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultSet;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waits in {@link WaitMode#REAL_TIME}: threads blocked on results, woken by stores. */
class RealTimeWaitTest {

  /** Far longer than any test may take: a waiter that returns was woken, not timed out. */
  private static final Duration LONG = Duration.ofSeconds(30);

  private final InMemoryCelery app = InMemoryCelery.create();
  private final InMemoryBackend backend = app.backend().waitMode(WaitMode.REAL_TIME);
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final AtomicReference<Thread> waiter = new AtomicReference<>();

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Runs {@code body} on a pool thread, remembering the thread so the test can see it block. */
  private <T> Future<T> onWaiterThread(Callable<T> body) {
    return pool.submit(
        () -> {
          waiter.set(Thread.currentThread());
          return body.call();
        });
  }

  /** Returns once the waiter thread is parked (waiting on the backend's signal). */
  private void awaitWaiterBlocked() {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Thread t = waiter.get();
              return t != null
                  && (t.getState() == Thread.State.WAITING
                      || t.getState() == Thread.State.TIMED_WAITING);
            });
  }

  private static <T> T within(Future<T> future, Duration limit) throws Exception {
    return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void aResultStoredByAnotherThreadWakesTheWaiter() throws Exception {
    Future<TaskMeta> waiting =
        onWaiterThread(() -> backend.waitFor("t1", GetOptions.defaults().timeout(LONG)));
    awaitWaiterBlocked();
    assertThat(waiting).isNotDone();

    // With its date_done, as a worker stores it (the backend stamps a ready meta without one).
    TaskMeta done =
        TaskMeta.builder("t1", TaskState.SUCCESS)
            .result(42)
            .dateDone(java.time.Instant.parse("2026-01-01T00:00:00Z"))
            .build();
    long storedAt = System.nanoTime();
    backend.store(done);

    assertThat(within(waiting, Duration.ofSeconds(10))).isSameAs(done);
    assertThat(Duration.ofNanos(System.nanoTime() - storedAt)).isLessThan(LONG);
    assertThat(app.clock().elapsed()).as("real-time waits leave the virtual clock alone").isZero();
  }

  @Test
  void aWaitWithoutTimeoutBlocksUntilAnotherThreadStores() throws Exception {
    Future<Object> waiting = onWaiterThread(() -> app.asyncResult("t1").get());
    awaitWaiterBlocked();

    backend.store(TaskMeta.builder("t1", TaskState.STARTED).build());
    backend.store(TaskMeta.builder("t1", TaskState.of("PROGRESS")).build());
    assertThat(waiting).isNotDone();
    awaitWaiterBlocked();

    backend.store(TaskMeta.success("t1", "value"));
    assertThat(within(waiting, Duration.ofSeconds(10))).isEqualTo("value");
  }

  @Test
  void aStoreForAnotherTaskDoesNotEndTheWait() throws Exception {
    Future<TaskMeta> waiting =
        onWaiterThread(() -> backend.waitFor("t1", GetOptions.defaults().timeout(LONG)));
    awaitWaiterBlocked();

    backend.store(TaskMeta.success("other", 1));
    awaitWaiterBlocked();
    assertThat(waiting).isNotDone();

    backend.store(TaskMeta.success("t1", 2));
    assertThat(within(waiting, Duration.ofSeconds(10)).result()).isEqualTo(2);
  }

  @Test
  void aResultThatNeverArrivesTimesOutInRealTime() {
    Duration timeout = Duration.ofMillis(100);
    long start = System.nanoTime();

    assertThatThrownBy(() -> backend.waitFor("never", GetOptions.defaults().timeout(timeout)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageStartingWith("The operation timed out.")
        .hasMessageContaining("never")
        .hasMessageContaining("real time");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(timeout);
    assertThat(app.clock().elapsed()).isZero();
  }

  @Test
  void getWithATimeoutTimesOutInRealTime() {
    AsyncResult<Object> never = app.asyncResult("never");
    long start = System.nanoTime();
    assertThatThrownBy(() -> never.get(Duration.ofMillis(50)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageStartingWith("The operation timed out.");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
  }

  @Test
  void aResultAlreadyStoredIsReturnedWithoutBlocking() {
    backend.store(TaskMeta.success("t1", 1));
    assertThat(backend.waitFor("t1", GetOptions.defaults().timeout(Duration.ZERO)).result())
        .isEqualTo(1);
  }

  @Test
  void onIntervalFiresRepeatedlyWhileBlocked() throws Exception {
    AtomicInteger ticks = new AtomicInteger();
    GetOptions options =
        GetOptions.defaults()
            .timeout(LONG)
            .interval(Duration.ofMillis(5))
            .onInterval(ticks::incrementAndGet);
    Future<TaskMeta> waiting = onWaiterThread(() -> backend.waitFor("t1", options));

    await().atMost(Duration.ofSeconds(10)).until(() -> ticks.get() >= 3);
    backend.store(TaskMeta.success("t1", 1));

    assertThat(within(waiting, Duration.ofSeconds(10)).result()).isEqualTo(1);
    int afterWait = ticks.get();
    assertThat(afterWait).isGreaterThanOrEqualTo(3);
  }

  @Test
  void onMessageReceivesStatesStoredByAnotherThread() throws Exception {
    List<TaskState> seen = Collections.synchronizedList(new ArrayList<>());
    GetOptions options = GetOptions.defaults().timeout(LONG).onMessage(m -> seen.add(m.state()));
    Future<TaskMeta> waiting = onWaiterThread(() -> backend.waitFor("t1", options));
    awaitWaiterBlocked();

    backend.store(
        TaskMeta.builder("t1", TaskState.of("PROGRESS")).result(Map.of("done", 1)).build());
    backend.store(TaskMeta.success("t1", 2));

    assertThat(within(waiting, Duration.ofSeconds(10)).result()).isEqualTo(2);
    assertThat(seen).containsExactly(TaskState.of("PROGRESS"), TaskState.SUCCESS);
  }

  @Test
  void interruptingAWaiterEndsTheWaitAndKeepsTheInterruptFlag() throws Exception {
    AtomicReference<Boolean> flagAfter = new AtomicReference<>();
    Future<Throwable> waiting =
        onWaiterThread(
            () -> {
              try {
                backend.waitFor("t1", GetOptions.defaults().timeout(LONG));
                return null;
              } catch (CeleryException e) {
                flagAfter.set(Thread.currentThread().isInterrupted());
                return e;
              }
            });
    awaitWaiterBlocked();

    waiter.get().interrupt();

    Throwable thrown = within(waiting, Duration.ofSeconds(10));
    assertThat(thrown)
        .isExactlyInstanceOf(CeleryException.class)
        .hasMessageContaining("interrupted while waiting for task t1")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(flagAfter.get()).isTrue();
  }

  @Test
  void joinOverAResultSetReturnsValuesInMemberOrderAsAnotherThreadStoresThem() throws Exception {
    List<AsyncResult<Object>> members =
        List.of(app.asyncResult("a"), app.asyncResult("b"), app.asyncResult("c"));
    ResultSet set = new ResultSet(members, app);
    CountDownLatch firstStored = new CountDownLatch(1);

    Future<List<Object>> joined = onWaiterThread(() -> set.join(LONG));
    awaitWaiterBlocked();

    Future<?> storer =
        pool.submit(
            () -> {
              backend.store(TaskMeta.success("c", 3));
              firstStored.countDown();
              backend.store(TaskMeta.success("b", 2));
              backend.store(TaskMeta.success("a", 1));
            });

    assertThat(firstStored.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(within(joined, Duration.ofSeconds(10))).containsExactly(1, 2, 3);
    within(storer, Duration.ofSeconds(10));
    assertThat(set.ready()).isTrue();
  }

  @Test
  void nativeJoinOverAResultSetWaitsInRealTime() throws Exception {
    ResultSet set = new ResultSet(List.of(app.asyncResult("a"), app.asyncResult("b")), app);
    assertThat(set.supportsNativeJoin()).isTrue();
    Future<List<Object>> joined =
        onWaiterThread(() -> set.get(GetOptions.defaults().timeout(LONG)));
    awaitWaiterBlocked();

    backend.store(TaskMeta.success("b", "B"));
    awaitWaiterBlocked();
    assertThat(joined).isNotDone();
    backend.store(TaskMeta.success("a", "A"));

    assertThat(within(joined, Duration.ofSeconds(10))).containsExactly("A", "B");
  }

  @Test
  void joinTimesOutInRealTimeWhenAMemberNeverArrives() {
    backend.store(TaskMeta.success("a", 1));
    ResultSet set = new ResultSet(List.of(app.asyncResult("a"), app.asyncResult("never")), app);
    long start = System.nanoTime();

    assertThatThrownBy(() -> set.join(Duration.ofMillis(150)))
        .isInstanceOf(ResultTimeoutException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void iterNativeYieldsInTheOrderAnotherThreadStores() throws Exception {
    Future<List<String>> order =
        onWaiterThread(
            () -> {
              List<String> ids = new ArrayList<>();
              Iterator<TaskMeta> it =
                  backend.iterNative(List.of("a", "b", "c"), GetOptions.defaults().timeout(LONG));
              it.forEachRemaining(m -> ids.add(m.taskId()));
              return ids;
            });
    for (String id : List.of("b", "c", "a")) {
      awaitWaiterBlocked();
      backend.store(TaskMeta.success(id, id));
    }
    assertThat(within(order, Duration.ofSeconds(10))).containsExactly("b", "c", "a");
  }

  @Test
  void switchingBackToVirtualModeWaitsOnTheVirtualClockAgain() {
    backend.waitMode(WaitMode.VIRTUAL);
    app.clock().schedule(Duration.ofMinutes(5), () -> backend.store(TaskMeta.success("t1", 1)));
    assertThat(backend.waitFor("t1", GetOptions.defaults().timeout(Duration.ofHours(1))).result())
        .isEqualTo(1);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofMinutes(5));
  }
}
