package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.AsyncResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call that ignores its result hands out a result marked ignored, as Celery's send_task. */
class IgnoreResultTest {

  @Test
  void theCallOptionIgnoreResultGivesAnIgnoredResultWhoseGetReturnsNoneAtOnce() {
    // celery/app/base.py Celery.send_task: `result.ignored = ignore_result`; celery/result.py
    // AsyncResult.get: `if self.ignored: return`.
    InMemoryCelery app = InMemoryCelery.create();
    app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r =
        app.sendTask(
            "tasks.add", List.of(1, 2), Map.of(), ApplyOptions.defaults().ignoreResult(true));

    assertThat(r.ignored()).isTrue();
    assertThat(r.get()).isNull();
    assertThat(app.worker().executed()).as("get() did not wait for the task").isZero();
  }

  @Test
  void aTaskThatIgnoresItsResultHandsOutIgnoredResults() {
    // celery/app/task.py Task.apply_async: `options.setdefault('ignore_result',
    // self.ignore_result)`, then send_task marks the result ignored.
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add =
        app.task("tasks.add", (Integer x, Integer y) -> x + y)
            .configure(TaskOptions.defaults().ignoreResult(true));

    AsyncResult<Integer> r = add.delay(1, 2);

    assertThat(r.ignored()).isTrue();
    assertThat(r.get()).isNull();
  }

  @Test
  void sendTaskByNameLooksOnlyAtTheCallsOptionNotAtTheTasks() {
    // celery/app/base.py Celery.send_task: `ignore_result = options.pop('ignore_result', False)`;
    // it never looks at the task, so the result is not ignored (the worker still stores nothing).
    InMemoryCelery app = InMemoryCelery.create();
    app.task("tasks.add", (Integer x, Integer y) -> x + y)
        .configure(TaskOptions.defaults().ignoreResult(true));

    AsyncResult<Integer> r = app.sendTask("tasks.add", 1, 2);

    assertThat(r.ignored()).isFalse();
    app.worker().runUntilIdle();
    assertThat(r.state()).isEqualTo(io.celerykit.result.TaskState.PENDING);
  }

  @Test
  void theAppsTaskIgnoreResultHandsOutIgnoredResults() {
    // celery/app/task.py: Task.ignore_result defaults to the task_ignore_result setting.
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskIgnoreResult(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 2);

    assertThat(r.ignored()).isTrue();
    assertThat(r.get()).isNull();
  }

  @Test
  void theCallOptionKeepsTheResultOfATaskThatIgnoresIt() {
    // celery/app/task.py Task.apply_async: setdefault, so the call's ignore_result=False wins.
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskIgnoreResult(true));
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().ignoreResult(false));

    assertThat(r.ignored()).isFalse();
  }

  @Test
  void resultsOfOrdinaryCallsAreNotIgnored() {
    InMemoryCelery app = InMemoryCelery.create();
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(1, 2);

    assertThat(r.ignored()).isFalse();
    assertThat(r.get()).isEqualTo(3);
  }

  @Test
  void strictModeDoesNotAskForIgnoredResultsToBeConsumed() {
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().trackResults(true));
    app.task("tasks.add", (Integer x, Integer y) -> x + y);

    app.sendTask("tasks.add", List.of(1, 2), Map.of(), ApplyOptions.defaults().ignoreResult(true));

    assertThat(app.unconsumedResults()).isEmpty();
  }
}
