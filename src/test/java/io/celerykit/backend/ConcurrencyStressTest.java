package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultBackend;
import io.celerykit.result.ResultSet;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads store, read, wait on, forget and join the same results at once in {@link
 * WaitMode#REAL_TIME}. Bounded: a fixed pool of {@value #THREADS} threads, a fixed number of steps,
 * and a preemptive timeout as deadlock guard.
 */
class ConcurrencyStressTest {

  private static final int THREADS = 8;
  private static final int STEPS = 150;
  private static final int SHARED = 4;
  private static final Duration GUARD = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final TaskState PROGRESS = TaskState.of("PROGRESS");

  private final InMemoryCelery app = InMemoryCelery.create();
  private final InMemoryBackend backend = app.backend().waitMode(WaitMode.REAL_TIME);
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static String own(int thread, int step) {
    return "own-" + thread + "-" + step;
  }

  private static String value(int thread, int step) {
    return "v-" + thread + "-" + step;
  }

  /** Starts every task at once and returns their results, failing on the first error. */
  private <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }
    return results;
  }

  @Test
  void storesReadsWaitsForgetsAndJoinsAtOnceLoseNothingAndWakeEveryWaiter() {
    assertTimeoutPreemptively(GUARD, this::mixedWorkload);
  }

  private void mixedWorkload() throws Exception {
    Map<String, LongAdder> seen = new ConcurrentHashMap<>();
    List<ResultBackend.Subscription> subscriptions = new ArrayList<>();
    List<String> watched = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      for (int k = 0; k < STEPS; k++) {
        watched.add(own(t, k));
        watched.add("scratch-" + t + "-" + k);
      }
    }
    for (int j = 0; j < SHARED; j++) {
      watched.add("shared-" + j);
    }
    for (String id : watched) {
      LongAdder counter = new LongAdder();
      seen.put(id, counter);
      subscriptions.add(backend.subscribe(id, meta -> counter.increment()));
    }
    List<AsyncResult<Object>> allOwn = new ArrayList<>();
    List<Object> allValues = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      for (int k = 0; k < STEPS; k++) {
        allOwn.add(app.asyncResult(own(t, k)));
        allValues.add(value(t, k));
      }
    }

    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int me = t;
      tasks.add(
          () -> {
            int gets = 0;
            int next = (me + 1) % THREADS;
            for (int k = 0; k < STEPS; k++) {
              // 1. write my own result step by step; nobody else writes it.
              String id = own(me, k);
              backend.store(TaskMeta.builder(id, TaskState.STARTED).build());
              for (int p = 0; p < 3; p++) {
                backend.store(TaskMeta.builder(id, PROGRESS).result(Map.of("done", p)).build());
              }
              backend.store(TaskMeta.success(id, value(me, k)));

              // 2. every thread writes every shared result.
              for (int j = 0; j < SHARED; j++) {
                Object v = me * 1_000_000 + k;
                backend.store(TaskMeta.success("shared-" + j, v));
              }

              // 3. store and forget a result of my own.
              String scratch = "scratch-" + me + "-" + k;
              backend.store(TaskMeta.success(scratch, k));
              assertThat(backend.exists(scratch)).isTrue();
              app.asyncResult(scratch).forget();
              assertThat(backend.exists(scratch)).isFalse();
              assertThat(backend.getTaskMeta(scratch).state()).isEqualTo(TaskState.PENDING);

              // 4. read and wait on my neighbour's result of this step.
              String theirs = own(next, k);
              TaskState before = backend.getTaskMeta(theirs).state();
              assertThat(before)
                  .isIn(TaskState.PENDING, TaskState.STARTED, PROGRESS, TaskState.SUCCESS);
              assertThat(app.asyncResult(theirs).get(WAIT)).isEqualTo(value(next, k));
              gets++;
              assertThat(backend.getTaskMeta(theirs).state())
                  .as("a ready result never goes back")
                  .isEqualTo(TaskState.SUCCESS);
              assertThat(
                      backend
                          .waitFor("shared-" + (k % SHARED), GetOptions.defaults().timeout(WAIT))
                          .state())
                  .isEqualTo(TaskState.SUCCESS);
            }
            // 5. join everyone's results, plainly and natively.
            ResultSet set = new ResultSet(allOwn, app);
            assertThat(set.join(WAIT)).isEqualTo(allValues);
            assertThat(set.get(GetOptions.defaults().timeout(WAIT))).isEqualTo(allValues);
            return gets;
          });
    }

    assertThat(runAll(tasks))
        .as("waits that returned the value, per thread")
        .containsOnly(STEPS)
        .hasSize(THREADS);
    for (int t = 0; t < THREADS; t++) {
      for (int k = 0; k < STEPS; k++) {
        TaskMeta meta = backend.getTaskMeta(own(t, k));
        assertThat(meta.state()).isEqualTo(TaskState.SUCCESS);
        assertThat(meta.result()).isEqualTo(value(t, k));
        assertThat(seen.get(own(t, k)).sum()).as("stores seen for %s", own(t, k)).isEqualTo(5);
        assertThat(seen.get("scratch-" + t + "-" + k).sum()).isEqualTo(1);
        assertThat(backend.exists("scratch-" + t + "-" + k)).isFalse();
      }
    }
    // SUCCESS is final (celery/backends/base.py, BaseKeyValueStoreBackend._store_result): of all
    // the SUCCESS stores racing for a shared id, exactly one is kept and heard, a first write.
    for (int j = 0; j < SHARED; j++) {
      Set<Object> firstWrites = new java.util.HashSet<>();
      for (int t = 0; t < THREADS; t++) {
        firstWrites.add(t * 1_000_000);
      }
      assertThat(backend.getTaskMeta("shared-" + j).result())
          .as("shared-%d holds some thread's first write", j)
          .isIn(firstWrites);
      assertThat(seen.get("shared-" + j).sum()).isEqualTo(1L);
    }
    assertThat(backend.size()).isEqualTo(THREADS * STEPS + SHARED);
    subscriptions.forEach(ResultBackend.Subscription::close);
  }

  @Test
  void everyBlockedWaiterIsWokenWithTheValue() {
    assertTimeoutPreemptively(GUARD, this::waitersFirstThenWriters);
  }

  private void waitersFirstThenWriters() throws Exception {
    int waiters = THREADS / 2;
    int ids = 50;
    List<String> all = new ArrayList<>();
    for (int i = 0; i < ids; i++) {
      all.add("w-" + i);
    }
    Set<Thread> waiterThreads = ConcurrentHashMap.newKeySet();
    List<Future<Map<String, Object>>> waiting = new ArrayList<>();
    for (int w = 0; w < waiters; w++) {
      List<String> order = new ArrayList<>(all);
      Collections.shuffle(order, new java.util.Random(w));
      waiting.add(
          pool.submit(
              () -> {
                waiterThreads.add(Thread.currentThread());
                Map<String, Object> got = new ConcurrentHashMap<>();
                for (String id : order) {
                  got.put(id, app.asyncResult(id).get(WAIT));
                }
                return got;
              }));
    }
    // Nothing is stored yet: every waiter blocks on its first result before any writer starts.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                waiterThreads.size() == waiters
                    && waiterThreads.stream()
                        .allMatch(
                            th ->
                                th.getState() == Thread.State.WAITING
                                    || th.getState() == Thread.State.TIMED_WAITING));
    assertThat(waiting).allMatch(f -> !f.isDone());

    List<Callable<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < THREADS - waiters; w++) {
      int me = w;
      writers.add(
          () -> {
            int stored = 0;
            for (int i = me; i < ids; i += THREADS - waiters) {
              backend.store(TaskMeta.builder("w-" + i, TaskState.STARTED).build());
              backend.store(TaskMeta.success("w-" + i, i));
              stored++;
            }
            return stored;
          });
    }
    assertThat(runAll(writers).stream().mapToInt(Integer::intValue).sum()).isEqualTo(ids);

    for (Future<Map<String, Object>> future : waiting) {
      Map<String, Object> got = future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(got).hasSize(ids);
      for (int i = 0; i < ids; i++) {
        assertThat(got.get("w-" + i)).isEqualTo(i);
      }
    }
  }

  @Test
  void aListenerSubscribedBeforeAStoreAlwaysReceivesItWhileOthersSubscribeAndLeave() {
    assertTimeoutPreemptively(GUARD, this::subscriptionChurn);
  }

  private void subscriptionChurn() throws Exception {
    int rounds = 50_000;
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int me = t;
      tasks.add(
          () -> {
            int missed = 0;
            for (int i = 0; i < rounds; i++) {
              AtomicInteger received = new AtomicInteger();
              TaskMeta meta = TaskMeta.builder("hot", PROGRESS).result(me * rounds + i).build();
              ResultBackend.Subscription s =
                  backend.subscribe(
                      "hot",
                      m -> {
                        if (m == meta) {
                          received.incrementAndGet();
                        }
                      });
              backend.store(meta);
              s.close();
              if (received.get() != 1) {
                missed++;
              }
            }
            return missed;
          });
    }
    assertThat(runAll(tasks))
        .as("stores missed by subscribed listeners, per thread")
        .containsOnly(0);
  }

  @Test
  void aWaiterNeverGetsNothingWhileTheResultIsStoredAndForgottenAtOnce() {
    assertTimeoutPreemptively(GUARD, this::storeForgetChurn);
  }

  private void storeForgetChurn() throws Exception {
    int rounds = 12_000;
    int writers = THREADS / 2;
    java.util.concurrent.atomic.AtomicBoolean waitersDone =
        new java.util.concurrent.atomic.AtomicBoolean();
    AtomicInteger waitersLeft = new AtomicInteger(THREADS - writers);
    GetOptions checkOnce = GetOptions.defaults().timeout(Duration.ZERO);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      boolean writer = t < writers;
      tasks.add(
          () -> {
            int returned = 0;
            if (writer) {
              for (int i = 0; !waitersDone.get(); i++) {
                backend.store(TaskMeta.success("churn", i));
                backend.forget("churn");
              }
              return returned;
            }
            try {
              for (int i = 0; i < rounds; i++) {
                try {
                  TaskMeta meta = backend.waitFor("churn", checkOnce);
                  assertThat(meta).isNotNull();
                  assertThat(meta.state()).isEqualTo(TaskState.SUCCESS);
                  returned++;
                } catch (ResultTimeoutException notStoredThen) {
                  // the result was forgotten before this waiter saw it
                }
                var it = backend.iterNative(List.of("churn"), checkOnce);
                try {
                  if (it.hasNext()) {
                    TaskMeta meta = it.next();
                    assertThat(meta).isNotNull();
                    assertThat(meta.taskId()).isEqualTo("churn");
                    returned++;
                  }
                } catch (ResultTimeoutException notStoredThen) {
                  // as above
                }
              }
            } finally {
              if (waitersLeft.decrementAndGet() == 0) {
                waitersDone.set(true);
              }
            }
            return returned;
          });
    }
    assertThat(runAll(tasks)).hasSize(THREADS);
    backend.store(TaskMeta.success("churn", "last"));
    assertThat(backend.waitFor("churn", GetOptions.defaults()).result()).isEqualTo("last");
  }
}
