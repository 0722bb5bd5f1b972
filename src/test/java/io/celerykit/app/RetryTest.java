package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryTest {

  private static final Instant T0 = VirtualClock.DEFAULT_START;

  private static InMemoryCelery extended() {
    return InMemoryCelery.create(CeleryConfig.defaults().resultExtended(true));
  }

  /**
   * flaky(fail_times): retries with countdown=1 (and exc when given) until it has retried enough.
   */
  private static Task<String> flaky(InMemoryCelery app, int failTimes, boolean withExc) {
    return app.boundTask(
        "tasks.flaky",
        self -> {
          if (self.retries() < failTimes) {
            throw self.retry(
                withExc ? new IllegalStateException("attempt " + self.retries()) : null,
                Duration.ofSeconds(1));
          }
          return "ok after " + self.retries() + " retries";
        });
  }

  @Test
  void retryStoresRetryWithTheExceptionAndTheRetriesCount() {
    InMemoryCelery app = extended();
    IOException flaky = new IOException("flaky");
    Task<String> t =
        app.boundTask(
            "tasks.fetch",
            self -> {
              if (self.retries() < 2) {
                throw self.retry(flaky, Duration.ofSeconds(10));
              }
              return "fetched";
            });

    AsyncResult<String> r = t.delay();
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    // Stored through the JSON serializer: the retry's exception as a client reads it back.
    assertThat((Throwable) r.result())
        .is(raisedAs(IOException.class))
        .hasMessageEndingWith("flaky");
    assertThat(r.retries()).isZero();
    assertThat(r.ready()).isFalse();
    assertThat(r.dateDone()).isNull();
    // celery/app/trace.py handle_retry stores einfo.traceback, Python's traceback of the Retry.
    assertThat(r.traceback())
        .startsWith("Traceback (most recent call last):\n")
        .endsWith("\ncelery.exceptions.Retry: Retry in 10s: IOException('flaky')\n");
    app.clock().advance(Duration.ofSeconds(10));
    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat(r.retries()).isEqualTo(1);
  }

  @Test
  void retryWithoutAnExceptionStoresNone() {
    InMemoryCelery app = extended();
    Task<String> t = flaky(app, 1, false);

    AsyncResult<String> r = t.delay(2);
    app.worker().step();

    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat(r.result()).isNull();
    assertThat(r.traceback()).contains("Retry in 1s");
  }

  @Test
  void retryingTaskIsItsOwnChildWhileWaitingToRetry() {
    InMemoryCelery app = extended();
    Task<String> t = flaky(app, 2, false);

    AsyncResult<String> r = t.delay(2);
    app.worker().step();

    assertThat(r.children()).singleElement().isEqualTo(r);
  }

  @Test
  void retryRunsAgainAfterTheCountdownOnTheVirtualClock() {
    InMemoryCelery app = InMemoryCelery.create();
    List<Instant> attempts = Collections.synchronizedList(new ArrayList<>());
    Task<String> t =
        app.boundTask(
            "tasks.fetch",
            self -> {
              attempts.add(app.clock().now());
              if (self.retries() < 2) {
                throw self.retry(null, Duration.ofSeconds(10));
              }
              return "ok";
            });

    AsyncResult<String> r = t.delay();
    app.worker().step();
    app.clock().advance(Duration.ofSeconds(9));

    assertThat(attempts).hasSize(1);
    assertThat(r.get()).isEqualTo("ok");
    assertThat(attempts).containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20));
  }

  @Test
  void retryWithoutCountdownWaitsTheDefaultRetryDelay() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<String> t =
        app.boundTask(
            "tasks.once",
            self -> {
              if (self.retries() == 0) throw self.retry();
              return "ok";
            });

    AsyncResult<String> r = t.delay();

    assertThat(r.get()).isEqualTo("ok");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void retryForAnExceptionWithoutCountdownWaitsTheDefaultRetryDelay() {
    InMemoryCelery app =
        InMemoryCelery.create(CeleryConfig.defaults().defaultRetryDelay(Duration.ofSeconds(7)));
    Task<String> t =
        app.boundTask(
            "tasks.once",
            self -> {
              if (self.retries() == 0) {
                throw self.retry(new IOException("x"));
              }
              return "ok";
            });

    assertThat(t.delay().get()).isEqualTo("ok");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void retryThenSuccessStoresSuccessWithTheRetriesCount() {
    InMemoryCelery app = extended();
    Task<String> t = flaky(app, 2, false);

    AsyncResult<String> r = t.delay(2);

    assertThat(r.get()).isEqualTo("ok after 2 retries");
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.retries()).isEqualTo(2);
    assertThat(r.children()).isEmpty();
    TaskMeta meta = app.backend().getTaskMeta(r.id());
    assertThat(meta.parentId()).as("a retry is sent by the task itself").isEqualTo(r.id());
    assertThat(app.journal().typesFor(r.id()))
        .containsExactly(
            "task-sent",
            "task-received",
            "task-started",
            "task-retried",
            "task-received",
            "task-started",
            "task-retried",
            "task-received",
            "task-started",
            "task-succeeded");
  }

  @Test
  void retriedRequestKeepsItsIdArgsAndRoot() {
    InMemoryCelery app = InMemoryCelery.create();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Task<String> t =
        app.boundTask(
            "tasks.flaky",
            self -> {
              seen.add(
                  self.id()
                      + " "
                      + self.args()
                      + " "
                      + self.kwargs()
                      + " "
                      + self.retries()
                      + " "
                      + self.rootId());
              if (self.retries() < 1) {
                throw self.retry(null, Duration.ofSeconds(1));
              }
              return "ok";
            });

    AsyncResult<String> r = t.applyAsync(List.of(5), Map.of("k", "v"), ApplyOptions.defaults());
    r.get();

    String id = r.id();
    assertThat(seen).containsExactly(id + " [5] {k=v} 0 " + id, id + " [5] {k=v} 1 " + id);
  }

  @Test
  void pastMaxRetriesTheTaskFailsWithMaxRetriesExceeded() {
    InMemoryCelery app = extended();
    Task<String> t = flaky(app, 5, false);
    t.configure(TaskOptions.defaults().maxRetries(2));

    AsyncResult<String> r = t.delay(5);

    assertThatThrownBy(r::get)
        .isInstanceOf(MaxRetriesExceededException.class)
        .hasMessage("Can't retry tasks.flaky[" + r.id() + "] args:(5,) kwargs:{}");
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.retries()).isEqualTo(2);
    assertThat(r.traceback())
        .endsWith(
            "\ncelery.exceptions.MaxRetriesExceededError: Can't retry tasks.flaky["
                + r.id()
                + "] args:(5,) kwargs:{}\n");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void maxRetriesMessageShowsKeywordArguments() {
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().maxRetries(0));
    Task<String> t =
        app.boundTask(
            "tasks.kw",
            self -> {
              throw self.retry();
            });

    AsyncResult<String> r =
        t.applyAsync(List.of("a", true), Map.of("n", "x"), ApplyOptions.defaults());

    assertThatThrownBy(r::get)
        .hasMessage("Can't retry tasks.kw[" + r.id() + "] args:('a', True) kwargs:{'n': 'x'}");
  }

  @Test
  void pastMaxRetriesTheTaskFailsWithTheExceptionPassedToRetry() {
    InMemoryCelery app = extended();
    Task<String> t = flaky(app, 5, true);
    t.configure(TaskOptions.defaults().maxRetries(2));

    AsyncResult<String> r = t.delay(5, true);

    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalStateException.class))
        .hasMessage("java.lang.IllegalStateException: attempt 2");
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.retries()).isEqualTo(2);
  }

  @Test
  void defaultMaxRetriesIsThree() {
    InMemoryCelery app = InMemoryCelery.create();
    AtomicInteger attempts = new AtomicInteger();
    Task<String> t =
        app.boundTask(
            "tasks.always",
            self -> {
              attempts.incrementAndGet();
              throw self.retry(null, Duration.ofSeconds(1));
            });

    assertThatThrownBy(() -> t.delay().get()).isInstanceOf(MaxRetriesExceededException.class);
    assertThat(attempts).hasValue(4);
  }

  @Test
  void maxRetriesGivenToRetryOverridesTheTaskForThatCall() {
    InMemoryCelery app = InMemoryCelery.create();
    AtomicInteger attempts = new AtomicInteger();
    Task<String> t =
        app.boundTask(
            "tasks.always",
            self -> {
              attempts.incrementAndGet();
              throw self.retry(null, Duration.ofSeconds(1), 1);
            });

    assertThatThrownBy(() -> t.delay().get()).isInstanceOf(MaxRetriesExceededException.class);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void retriesAndTheFinalFailureAreJournalled() {
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().maxRetries(1));
    Task<String> t = flaky(app, 5, true);

    AsyncResult<String> r = t.delay();
    assertThatThrownBy(r::get).hasMessageEndingWith("attempt 1");

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
            "task-failed");
    assertThat(events.get(3).payload().get("exception").toString()).contains("attempt 0");
    assertThat(events.get(4).payload())
        .containsEntry("retries", 1)
        .containsEntry("eta", T0.plusSeconds(1));
  }

  @Test
  void negativeRetryCountdownFailsTheTask() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<String> t =
        app.boundTask(
            "tasks.bad",
            self -> {
              throw self.retry(null, Duration.ofSeconds(-1));
            });

    AsyncResult<String> r = t.delay();

    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalArgumentException.class))
        .hasMessageContaining("PT-1S");
  }

  @Test
  void retryOfAStubRetriesThenReturns() {
    InMemoryCelery app = extended();
    IOException flaky = new IOException("flaky");
    app.stub("tasks.report").retries(2, flaky).thenReturns("pdf");

    AsyncResult<String> r = app.sendTask("tasks.report");
    app.worker().step();
    assertThat(r.state()).isEqualTo(TaskState.RETRY);
    assertThat(r.result()).is(raisedAs(IOException.class));

    assertThat(r.get()).isEqualTo("pdf");
    assertThat(r.retries()).isEqualTo(2);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(360));
  }

  @Test
  void retryWithChildrenSentBeforeItKeepsThem() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<String> t =
        app.boundTask(
            "tasks.spawn_then_retry",
            self -> {
              if (self.retries() == 0) {
                add.delay(1, 1);
                throw self.retry(null, Duration.ofSeconds(1));
              }
              return "ok";
            });

    AsyncResult<String> r = t.delay();
    app.worker().step();

    List<ResultBase> children = r.children();
    assertThat(children).hasSize(2);
    assertThat(children.get(1)).isEqualTo(r);
  }

  // ---------------------------------------------------------------- eager

  @Test
  void eagerRetryRunsTheRetriesInlineAndTheResultIsTheLastRuns() {
    // celery/app/task.py Task.apply: `return retval.sig.apply(retries=retries + 1)`
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    List<String> runs = Collections.synchronizedList(new ArrayList<>());
    Task<String> t =
        app.boundTask(
            "tasks.flaky",
            self -> {
              runs.add(self.retries() + (self.isEager() ? " eager" : " worker"));
              if (self.retries() < 2) {
                throw self.retry(
                    new IllegalStateException("attempt " + self.retries()), Duration.ofMinutes(1));
              }
              return "ok";
            });

    AsyncResult<String> r = t.delay();

    assertThat(r).isInstanceOf(EagerResult.class);
    assertThat(runs).containsExactly("0 eager", "1 eager", "2 eager");
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.ready()).isTrue();
    assertThat(r.get()).isEqualTo("ok");
    assertThat(app.clock().elapsed()).isZero();
    assertThat(app.journal().events()).isEmpty();
  }

  @Test
  void eagerRetryPastMaxRetriesFailsTheFirstResult() {
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    AtomicInteger attempts = new AtomicInteger();
    Task<String> t =
        app.boundTask(
            "tasks.flaky",
            self -> {
              attempts.incrementAndGet();
              throw self.retry();
            });

    AsyncResult<String> r = t.delay(5);

    assertThat(attempts).hasValue(4);
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.result()).isInstanceOf(MaxRetriesExceededException.class);
    assertThatThrownBy(r::get)
        .isInstanceOf(MaxRetriesExceededException.class)
        .hasMessage("Can't retry tasks.flaky[" + r.id() + "] args:(5,) kwargs:{}");
  }

  @Test
  void applyRetriesInlineToo() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<String> t = flaky(app, 1, false);

    EagerResult<String> r = t.apply(1);

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo("ok after 1 retries");
    assertThat(app.worker().executed()).isZero();
    assertThat(app.clock().pendingEvents()).isZero();
  }
}
