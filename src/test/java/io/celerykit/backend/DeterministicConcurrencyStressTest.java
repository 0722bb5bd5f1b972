package io.celerykit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.Canvas;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * Services under test call Celery from executors: several threads send tasks and wait on their
 * results at once in the default deterministic mode, all on one virtual clock. Each must get what a
 * serial run gives: the value, never a spurious {@link ResultTimeoutException} or {@link
 * WouldBlockForeverException}, a clock that does not move when nothing is timed, and no result lost
 * to {@code result_expires}. (Celery's own {@code AsyncResult.get} waits on the result backend from
 * any thread; {@code celery/backends/base.py}, {@code BaseBackend.wait_for}.)
 *
 * <p>Bounded: {@value #THREADS} threads, about 10^5 waits in all by default, each test under a
 * preemptive time limit. For a longer run, scale the counts:
 *
 * <pre>
 * mvn -B test -Dtest=DeterministicConcurrencyStressTest -Dcelerykit.stress.scale=20
 * </pre>
 */
class DeterministicConcurrencyStressTest {

  private static final int THREADS = 4;
  private static final int SCALE = Integer.getInteger("celerykit.stress.scale", 1);
  private static final Duration GUARD = Duration.ofSeconds(90L * SCALE);
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    app.close();
  }

  /** Starts one body per thread at once and returns what each returned. */
  private <T> List<T> onEveryThread(Callable<T> body) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return body.call();
              }));
    }
    start.countDown();
    List<T> out = new ArrayList<>();
    for (Future<T> future : futures) {
      out.add(future.get());
    }
    return out;
  }

  /** What went wrong on the threads, counted. */
  private static final class Misses {
    private final AtomicInteger wouldBlockForever = new AtomicInteger();
    private final AtomicInteger timeouts = new AtomicInteger();
    private final AtomicInteger wrongValues = new AtomicInteger();
    private final AtomicReference<Throwable> first = new AtomicReference<>();

    private void count(RuntimeException e) {
      first.compareAndSet(null, e);
      if (e instanceof WouldBlockForeverException) {
        wouldBlockForever.incrementAndGet();
      } else if (e instanceof ResultTimeoutException) {
        timeouts.incrementAndGet();
      } else {
        throw e;
      }
    }

    private void check(Object got, Object expected) {
      if (!expected.equals(got)) {
        wrongValues.incrementAndGet();
      }
    }

    private void assertNone() {
      assertThat(wouldBlockForever.get())
          .as("gets that threw WouldBlockForeverException (first: %s)", first.get())
          .isZero();
      assertThat(timeouts.get())
          .as("gets that timed out spuriously (first: %s)", first.get())
          .isZero();
      assertThat(wrongValues.get()).as("gets that returned a wrong value").isZero();
    }
  }

  @Test
  void concurrentGetsGiveWhatASerialRunGivesAndLeaveTheClockAlone() {
    int perThread = 25_000 * SCALE;
    Misses misses = new Misses();
    AtomicInteger ids = new AtomicInteger();
    assertTimeoutPreemptively(
        GUARD,
        () ->
            onEveryThread(
                () -> {
                  int me = ids.getAndIncrement();
                  for (int i = 0; i < perThread; i++) {
                    try {
                      AsyncResult<Integer> r = add.delay(i, me);
                      // Half wait without timeout, half with one: neither may fail.
                      misses.check(i % 2 == 0 ? r.get() : r.get(TIMEOUT), i + me);
                    } catch (WouldBlockForeverException | ResultTimeoutException e) {
                      misses.count(e);
                    }
                  }
                  return null;
                }));
    misses.assertNone();
    assertThat(app.clock().elapsed()).as("virtual time, with nothing timed").isZero();
    assertThat(app.worker().executed()).isEqualTo(THREADS * perThread);
    assertThat(app.clock().hasPendingEvents()).isFalse();
  }

  @Test
  void aMixedWorkloadUnderResultExpiresLosesNothing() {
    // Results expire an hour after they are stored (celery/backends/base.py, result_expires):
    // with nothing timed the clock stays at 0, so none may expire.
    app.backend().resultExpires(Duration.ofHours(1));
    int perThread = 2_500 * SCALE;
    Misses misses = new Misses();
    AtomicInteger ids = new AtomicInteger();
    AtomicInteger stored = new AtomicInteger();
    assertTimeoutPreemptively(
        GUARD,
        () ->
            onEveryThread(
                () -> {
                  int me = ids.getAndIncrement();
                  for (int i = 0; i < perThread; i++) {
                    try {
                      // a plain call, waited on with a timeout
                      misses.check(add.delay(i, me).get(TIMEOUT), i + me);
                      // a group of three, joined
                      GroupResult g =
                          Canvas.group(add.s(i, 1), add.s(i, 2), add.s(i, 3)).applyAsync();
                      misses.check(g.join(TIMEOUT), List.of(i + 1, i + 2, i + 3));
                      // a chain of two, waited on without timeout
                      AsyncResult<Integer> chain =
                          Canvas.chain(add.s(i, me), add.s(10)).applyAsync();
                      misses.check(chain.get(), i + me + 10);
                      // a call sent, forgotten once done
                      AsyncResult<Integer> scratch = add.delay(i, -i);
                      misses.check(scratch.get(), 0);
                      scratch.forget();
                      stored.addAndGet(6);
                    } catch (WouldBlockForeverException | ResultTimeoutException e) {
                      misses.count(e);
                    }
                  }
                  return null;
                }));
    misses.assertNone();
    assertThat(app.clock().elapsed()).as("virtual time, with nothing timed").isZero();
    assertThat(app.backend().size()).as("stored results, none expired").isEqualTo(stored.get());
  }

  @Test
  void timedWorkAcrossThreadsMovesTheClockNoFurtherThanItsCountdowns() {
    int perThread = 2_500 * SCALE;
    Duration longWait = Duration.ofHours(1);
    Misses misses = new Misses();
    AtomicInteger ids = new AtomicInteger();
    assertTimeoutPreemptively(
        GUARD,
        () ->
            onEveryThread(
                () -> {
                  int me = ids.getAndIncrement();
                  for (int i = 0; i < perThread; i++) {
                    try {
                      AsyncResult<Integer> r =
                          add.applyAsync(List.of(i, me), Map.of(), countdown(i, me));
                      misses.check(r.get(longWait), i + me);
                    } catch (WouldBlockForeverException | ResultTimeoutException e) {
                      misses.count(e);
                    }
                  }
                  return null;
                }));
    misses.assertNone();
    // Serially the clock moves by each countdown in turn; concurrent calls overlap theirs, and no
    // wait may push the clock to its deadline.
    Duration serial = Duration.ZERO;
    for (int me = 0; me < THREADS; me++) {
      for (int i = 0; i < perThread; i++) {
        serial = serial.plus(countdown(i, me).countdown());
      }
    }
    assertThat(app.clock().elapsed()).isPositive().isLessThanOrEqualTo(serial);
  }

  private static ApplyOptions countdown(int i, int me) {
    return ApplyOptions.defaults().countdown(Duration.ofMillis((i + me) % 7));
  }

  @Test
  void aTimeoutThatNothingCanBeatStillPassesInVirtualTimeWhileOthersWork() {
    int perThread = 2_000 * SCALE;
    Misses misses = new Misses();
    AtomicInteger timedOut = new AtomicInteger();
    AtomicInteger ids = new AtomicInteger();
    assertTimeoutPreemptively(
        GUARD,
        () ->
            onEveryThread(
                () -> {
                  int me = ids.getAndIncrement();
                  for (int i = 0; i < perThread; i++) {
                    if (me == 0 && i % 100 == 0) {
                      // a result nothing will complete: a real timeout, in virtual time
                      try {
                        app.asyncResult("never-" + i).get(Duration.ofSeconds(1));
                      } catch (ResultTimeoutException expected) {
                        timedOut.incrementAndGet();
                      }
                      continue;
                    }
                    try {
                      misses.check(add.delay(i, me).get(), i + me);
                    } catch (WouldBlockForeverException | ResultTimeoutException e) {
                      misses.count(e);
                    }
                  }
                  return null;
                }));
    misses.assertNone();
    assertThat(timedOut.get()).isEqualTo(perThread / 100);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(perThread / 100));
  }

  @Test
  void eventsThatWaitOnTheClockThemselvesDoNotDeadlockAcrossThreads() {
    // Two tasks run on two threads at once, and each drives the clock from inside its body
    // (allow_join_result; celery/result.py, allow_join_result): neither may wait for the other.
    Task<Integer> waitsForChild =
        app.task(
            "tasks.parent",
            (Integer x) ->
                app.allowJoinResult(
                    () -> add.applyAsync(List.of(x, 1), Map.of(), delayed(x)).get(TIMEOUT)));
    int perThread = 500 * SCALE;
    Misses misses = new Misses();
    AtomicInteger ids = new AtomicInteger();
    assertTimeoutPreemptively(
        GUARD,
        () ->
            onEveryThread(
                () -> {
                  int me = ids.getAndIncrement();
                  for (int i = 0; i < perThread; i++) {
                    try {
                      misses.check(
                          waitsForChild.delay(i * THREADS + me).get(), i * THREADS + me + 1);
                    } catch (WouldBlockForeverException | ResultTimeoutException e) {
                      misses.count(e);
                    }
                  }
                  return null;
                }));
    misses.assertNone();
    assertThat(app.worker().executed())
        .as("parents and children run")
        .isEqualTo(2 * THREADS * perThread);
  }

  private static ApplyOptions delayed(int x) {
    return ApplyOptions.defaults().countdown(Duration.ofMillis(x % 3));
  }
}
