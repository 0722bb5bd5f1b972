package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.EagerResult;
import io.celerykit.result.MaxRetriesExceededException;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tasks run eagerly ({@code apply()}, {@code task_always_eager}) end as Celery's eager runs do. */
class EagerApplyTest {

  private static final String NEVER = "Never call result.get() within a task!";

  private static InMemoryCelery eagerApp() {
    return InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
  }

  private static Task<String> retriesTwiceThenSucceeds(InMemoryCelery app, List<String> runs) {
    return app.boundTask(
        "tasks.flaky",
        self -> {
          runs.add(self.id() + "#" + self.retries());
          if (self.retries() < 2) {
            throw self.retry(new IllegalStateException("attempt " + self.retries()));
          }
          return "ok after " + self.retries() + " retries";
        });
  }

  // ---------------------------------------------------------------- Reject

  @Test
  void rejectInsideAnAppliedTaskEndsInRejected() {
    // celery/app/trace.py build_tracer.trace_task: `except Reject` gives Info(REJECTED, exc), and
    // Task.apply returns EagerResult(task_id, exc, REJECTED); nothing is stored.
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskStoreEagerResult(true));
    Task<String> t =
        app.boundTask(
            "tasks.refuse",
            self -> {
              throw self.reject(false);
            });

    EagerResult<String> r = t.apply();

    assertThat(r.state()).isEqualTo(TaskState.REJECTED);
    assertThat(r.result()).isInstanceOf(RejectException.class);
    assertThat(r.get()).isNull();
    assertThat(app.backend().exists(r.id())).isFalse();
  }

  @Test
  void rejectInsideAnAlwaysEagerTaskEndsInRejectedEvenWithEagerPropagates() {
    // celery/app/trace.py: the Reject handler does not go through on_error, so propagate=True
    // (task_eager_propagates) does not raise it.
    InMemoryCelery app =
        InMemoryCelery.create(
            CeleryConfig.defaults().taskAlwaysEager(true).taskEagerPropagates(true));
    Task<String> t =
        app.boundTask(
            "tasks.refuse",
            self -> {
              throw self.reject(true);
            });

    AsyncResult<String> r = t.delay();

    assertThat(r.state()).isEqualTo(TaskState.REJECTED);
    assertThat(((RejectException) r.result()).requeue()).isTrue();
    assertThat(app.journal().events()).isEmpty();
  }

  // ---------------------------------------------------------------- Retry

  @Test
  void applyOfATaskThatRetriesReturnsTheResultOfTheRetriedRun() {
    // celery/app/task.py Task.apply: `if isinstance(retval, Retry) and retval.sig is not None:
    // return retval.sig.apply(retries=retries + 1)`; the signature keeps the task id
    // (Task.signature_from_request).
    InMemoryCelery app = InMemoryCelery.create();
    List<String> runs = new ArrayList<>();
    Task<String> t = retriesTwiceThenSucceeds(app, runs);

    EagerResult<String> r = t.apply(List.of(), Map.of(), ApplyOptions.defaults().taskId("t-1"));

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo("ok after 2 retries");
    assertThat(r.id()).isEqualTo("t-1");
    assertThat(runs).containsExactly("t-1#0", "t-1#1", "t-1#2");
    assertThat(app.worker().executed()).isZero();
    assertThat(app.clock().pendingEvents()).isZero();
  }

  @Test
  void alwaysEagerDelayOfATaskThatRetriesEndsWithTheFinalValueAndRetries() {
    // celery/app/task.py Task.apply_async under task_always_eager returns self.apply(...), which
    // re-applies the retried signature; the stored result is the last run's, retries=2.
    InMemoryCelery app =
        InMemoryCelery.create(
            CeleryConfig.defaults()
                .taskAlwaysEager(true)
                .taskStoreEagerResult(true)
                .resultExtended(true));
    Task<String> t = retriesTwiceThenSucceeds(app, new ArrayList<>());

    AsyncResult<String> r = t.delay();

    assertThat(r).isInstanceOf(EagerResult.class);
    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo("ok after 2 retries");
    TaskMeta stored = app.backend().getTaskMeta(r.id());
    assertThat(stored.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(stored.retries()).isEqualTo(2);
    assertThat(app.clock().elapsed()).isZero();
  }

  @Test
  void eagerRetryPastMaxRetriesFailsWithTheRetrysException() {
    // celery/app/task.py Task.retry: past max_retries `raise_with_context(exc)`, so the eager run
    // ends in FAILURE with exc.
    InMemoryCelery app = InMemoryCelery.create();
    IllegalStateException flaky = new IllegalStateException("flaky");
    Task<String> t =
        app.<String>boundTask(
                "tasks.flaky",
                self -> {
                  throw self.retry(flaky);
                })
            .configure(TaskOptions.defaults().maxRetries(1));

    EagerResult<String> r = t.apply();

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat(r.result()).isSameAs(flaky);
    assertThatThrownBy(r::get).isSameAs(flaky);
  }

  @Test
  void eagerRetryPastMaxRetriesWithoutExceptionFailsWithMaxRetriesExceeded() {
    // celery/app/task.py Task.retry: `raise self.MaxRetriesExceededError("Can't retry ...")`.
    InMemoryCelery app = InMemoryCelery.create();
    Task<String> t =
        app.<String>boundTask(
                "tasks.flaky",
                self -> {
                  throw self.retry();
                })
            .configure(TaskOptions.defaults().maxRetries(2));

    EagerResult<String> r = t.apply(List.of(7), Map.of(), ApplyOptions.defaults().taskId("t-1"));

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat((Throwable) r.result())
        .isInstanceOf(MaxRetriesExceededException.class)
        .hasMessage("Can't retry tasks.flaky[t-1] args:(7,) kwargs:{}");
  }

  @Test
  void eagerRetryWithEagerPropagatesRaisesTheRetry() {
    // celery/app/trace.py build_tracer.on_error: `if propagate: raise`, also for Retry, so with
    // task_eager_propagates Task.apply raises the Retry itself.
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskEagerPropagates(true));
    Task<String> t = retriesTwiceThenSucceeds(app, new ArrayList<>());

    assertThatThrownBy(t::apply)
        .isInstanceOf(RetryException.class)
        .hasMessageContaining("attempt 0");
  }

  // ---------------------------------------------------------------- denied_join_result

  @Test
  void getInsideATaskRunByAlwaysEagerApplyAsyncIsRefused() {
    // celery/app/task.py Task.apply_async under task_always_eager: `with denied_join_result():
    // return self.apply(...)`; celery/result.py assert_will_not_block then raises E_WOULDBLOCK.
    InMemoryCelery app = eagerApp();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> outer = app.task("tasks.outer", () -> add.delay(1, 2).get() * 10);

    AsyncResult<Integer> r = outer.delay();

    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
    assertThat((Throwable) r.result())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(NEVER);
    assertThat(add.delay(1, 2).get()).as("outside the eager run").isEqualTo(3);
  }

  @Test
  void getInsideATaskRunByApplyStaysUnguarded() {
    // celery/app/task.py Task.apply sets no guard; the nested apply_async's denied_join_result
    // ends when it returns, so the get() after it may wait.
    InMemoryCelery app = eagerApp();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> outer = app.task("tasks.outer", () -> add.delay(1, 2).get() * 10);

    EagerResult<Integer> r = outer.apply();

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(r.get()).isEqualTo(30);
  }

  @Test
  void allowJoinResultLiftsTheGuardOfAnEagerApplyAsync() {
    // celery/result.py allow_join_result: sets task_join_will_block to False inside its block.
    InMemoryCelery app = eagerApp();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
    Task<Integer> outer =
        app.task("tasks.outer", () -> app.allowJoinResult(() -> add.delay(1, 2).get()) * 10);

    assertThat(outer.delay().get()).isEqualTo(30);
  }

  @Test
  void theGuardOfAnEagerApplyAsyncEndsWithItEvenWhenTheTaskFails() {
    // celery/result.py denied_join_result: the finally block restores the previous value.
    InMemoryCelery app = eagerApp();
    Task<Integer> boom =
        app.task(
            "tasks.boom",
            () -> {
              throw new IllegalStateException("boom");
            });
    Task<Integer> one = app.task("tasks.one", () -> 1);

    assertThat(boom.delay().state()).isEqualTo(TaskState.FAILURE);
    assertThat(one.apply().get()).isEqualTo(1);
  }
}
