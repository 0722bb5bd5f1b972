package io.celerykit.app;

import static io.celerykit.assertj.CeleryAssertions.raisedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncSubtaskGuardTest {

  private static final String NEVER = "Never call result.get() within a task!";
  private static final String STORED = "java.lang.IllegalStateException: ";

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> one = app.task("tasks.one", () -> 1);
  private final Task<Integer> two = app.task("tasks.two", () -> 2);

  @Test
  void getInsideATaskFailsTheTask() {
    Task<Object> outer = app.task("tasks.outer", () -> one.delay().get());

    AsyncResult<Object> r = outer.delay();

    // The worker stores the failure through the JSON serializer: get() raises its remote form,
    // whose message is "java.lang.IllegalStateException: " and Celery's text.
    assertThatThrownBy(r::get)
        .is(raisedAs(IllegalStateException.class))
        .hasMessageStartingWith(STORED + NEVER)
        .hasMessageContaining("#avoid-launching-synchronous-subtasks");
    assertThat(r.state()).isEqualTo(TaskState.FAILURE);
  }

  @Test
  void getWithTimeoutInsideATaskFailsToo() {
    Task<Object> outer = app.task("tasks.outer", () -> one.delay().get(Duration.ofSeconds(5)));

    assertThatThrownBy(() -> outer.delay().get()).hasMessageStartingWith(STORED + NEVER);
  }

  @Test
  void getOfAReadyResultInsideATaskFailsToo() {
    AsyncResult<Integer> done = one.delay();
    done.get();
    Task<Object> outer = app.task("tasks.outer", () -> app.<Integer>asyncResult(done.id()).get());

    assertThatThrownBy(() -> outer.delay().get()).hasMessageStartingWith(STORED + NEVER);
  }

  @Test
  void joinInsideATaskFails() {
    Task<Object> outer =
        app.task("tasks.outer", () -> new ResultSet(List.of(one.delay(), two.delay()), app).join());

    assertThatThrownBy(() -> outer.delay().get())
        .is(raisedAs(IllegalStateException.class))
        .hasMessageStartingWith(STORED + NEVER);
  }

  @Test
  void getOfAnEagerResultInsideATaskFails() {
    Task<Object> outer = app.task("tasks.outer", () -> one.apply().get());

    assertThatThrownBy(() -> outer.delay().get()).hasMessageStartingWith(STORED + NEVER);
  }

  @Test
  void disableSyncSubtasksOffAllowsTheWait() {
    Task<Object> outer =
        app.task(
            "tasks.outer",
            () -> one.delay().get(GetOptions.defaults().disableSyncSubtasks(false)) + 10);

    assertThat(outer.delay().get()).isEqualTo(11);
  }

  @Test
  void disableSyncSubtasksOffAllowsTheJoin() {
    Task<Object> outer =
        app.task(
            "tasks.outer",
            () ->
                new ResultSet(List.of(one.delay(), two.delay()), app)
                    .join(GetOptions.defaults().disableSyncSubtasks(false)));

    assertThat(outer.delay().get()).isEqualTo(List.of(1, 2));
  }

  @Test
  void allowJoinResultAllowsWaitsInsideIt() {
    Task<Object> outer =
        app.task(
            "tasks.outer",
            () ->
                app.allowJoinResult(
                    () ->
                        one.delay().get()
                            + new ResultSet(List.of(two.delay()), app).join().size()));

    assertThat(outer.delay().get()).isEqualTo(2);
  }

  @Test
  void theGuardIsBackAfterAllowJoinResult() {
    List<String> seen = new ArrayList<>();
    Task<Object> outer =
        app.task(
            "tasks.outer",
            () -> {
              seen.add("allowed " + app.allowJoinResult(() -> one.delay().get()));
              try {
                one.delay().get();
                seen.add("not guarded");
              } catch (IllegalStateException e) {
                seen.add("guarded");
              }
              return "done";
            });

    assertThat(outer.delay().get()).isEqualTo("done");
    assertThat(seen).containsExactly("allowed 1", "guarded");
  }

  @Test
  void allowJoinResultScopesNest() {
    Task<Object> outer =
        app.task(
            "tasks.outer",
            () ->
                app.allowJoinResult(
                    () -> app.allowJoinResult(() -> one.delay().get()) + one.delay().get()));

    assertThat(outer.delay().get()).isEqualTo(2);
  }

  @Test
  void allowJoinResultReturnsTheBodysValueOutsideTasks() {
    assertThat(app.allowJoinResult(() -> "x")).isEqualTo("x");
  }

  @Test
  void waitsOutsideTasksAreNotGuarded() {
    assertThat(one.delay().get()).isEqualTo(1);
    assertThat(new ResultSet(List.of(one.delay(), two.delay()), app).join()).containsExactly(1, 2);
  }

  @Test
  void theGuardDoesNotLeakOutOfAFailedTask() {
    Task<Object> outer = app.task("tasks.outer", () -> one.delay().get());
    assertThatThrownBy(() -> outer.delay().get()).hasMessageStartingWith(STORED + NEVER);

    assertThat(app.currentTask()).isNull();
    assertThat(one.delay().get()).isEqualTo(1);
  }

  @Test
  void eagerApplyAsyncDeniesWaitsInsideItsTask() {
    // celery/app/task.py Task.apply_async under task_always_eager: `with denied_join_result()`
    InMemoryCelery eager = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));
    Task<Integer> inner = eager.task("tasks.one", () -> 1);
    Task<Object> outer = eager.task("tasks.outer", () -> inner.delay().get() + 1);

    // An eager result holds the exception itself, as Celery's EagerResult does.
    assertThatThrownBy(() -> outer.delay().get()).hasMessageStartingWith(NEVER);
    assertThat(outer.apply().get()).as("apply() sets no guard").isEqualTo(2);
  }

  @Test
  void applyFromOutsideAWorkerMayWaitOnSubtasks() {
    Task<Object> outer = app.task("tasks.outer", () -> one.apply().get() + 1);

    assertThat(outer.apply().get()).isEqualTo(2);
  }

  @Test
  void eagerApplyInsideAWorkerTaskIsStillGuarded() {
    Task<Object> inner = app.task("tasks.inner", () -> one.apply().get());
    Task<Object> outer =
        app.task(
            "tasks.outer",
            () -> {
              var applied = inner.apply();
              return applied.state() + ": " + ((Throwable) applied.result()).getMessage();
            });

    assertThat((String) outer.delay().get()).startsWith("FAILURE: " + NEVER);
  }
}
