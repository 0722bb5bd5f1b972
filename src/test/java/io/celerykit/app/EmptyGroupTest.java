package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An empty group, as Celery's {@code group([], app=app).apply_async()}: celery/canvas.py {@code
 * group.apply_async} (and {@code group.apply}, eager) return {@code self.freeze()} when there are
 * no tasks: an empty {@code GroupResult}, ready at once, nothing sent, no trail on the sending
 * task.
 */
class EmptyGroupTest {
  private final InMemoryCelery app =
      InMemoryCelery.create(CeleryConfig.defaults().resultSerializer(ResultSerializer.OBJECT));

  @Test
  void emptyGroupOfAnAppGivesAnEmptyReadyGroupResultAndSendsNothing() {
    GroupResult g = Canvas.group(app, List.of()).applyAsync();

    assertThat(g.size()).isZero();
    assertThat(g.ready()).isTrue();
    assertThat(g.successful()).isTrue();
    assertThat(g.join()).isEmpty();
    assertThat(g.id()).isNotBlank();
    assertThat(g.parent()).isNull();
    assertThat(app.worker().queued()).isZero();
    assertThat(app.journal().events()).isEmpty();
  }

  @Test
  void emptyGroupKeepsTheChosenId() {
    // group.freeze(): gid = opts['task_id'] when set
    GroupResult g = Canvas.group(app, List.of()).taskId("g0").applyAsync();

    assertThat(g.id()).isEqualTo("g0");
    assertThat(g.save()).isSameAs(g);
    assertThat(GroupResult.restore("g0", app).size()).isZero();
  }

  @Test
  void emptyGroupIsAlsoEmptyAndReadyWhenEager() {
    // group.apply: "if not self.tasks: return self.freeze()  # empty group returns GroupResult"
    InMemoryCelery eager = InMemoryCelery.create(CeleryConfig.defaults().taskAlwaysEager(true));

    GroupResult g = Canvas.group(eager, List.of()).applyAsync();

    assertThat(g.ready()).isTrue();
    assertThat(g.join()).isEmpty();
  }

  @Test
  void emptyGroupSentFromATaskIsNotItsChild() {
    // group.apply_async returns self.freeze() before parent_task.add_trail(result)
    Task<Object> fanOut = app.task("tasks.fan_out", () -> Canvas.group(app, List.of()).delay());

    AsyncResult<Object> parent = fanOut.delay();

    assertThat(((GroupResult) parent.get()).size()).isZero();
    assertThat(app.backend().getTaskMeta(parent.id()).children()).isEmpty();
  }

  @Test
  void emptyGroupAtTheEndOfAChainIsReadyOnceThePreviousStepRan() {
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    GroupResult g = Canvas.chain(add.s(1, 1), Canvas.group(app, List.of())).applyAsyncForGroup();

    assertThat(g.size()).isZero();
    assertThat(((AsyncResult<?>) g.parent()).get()).isEqualTo(2);
    assertThat(app.backend().getTaskMeta(((AsyncResult<?>) g.parent()).id()).children()).isEmpty();
  }

  @Test
  void emptyGroupWithoutAnAppSaysHowToGiveItOne() {
    // Celery falls back to current_app; celerykit has no current app, so the group names it
    assertThatThrownBy(() -> Canvas.group(List.of()).applyAsync())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group(<empty>) holds no task signature")
        .hasMessageContaining("Canvas.group(app, List.of())");
  }

  @Test
  void groupOfAnAppRefusesSignaturesOfAnother() {
    InMemoryCelery other = InMemoryCelery.create();
    Task<Integer> elsewhere = other.task("tasks.one", () -> 1);

    assertThatThrownBy(() -> Canvas.group(app, List.of(elsewhere.s())).applyAsync())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mixes signatures of two apps");
    assertThat(other.worker().queued()).isZero();
  }

  @Test
  void emptyGroupReprIsCeleryGroupEmpty() {
    // group.__repr__: 'group(<empty>)' when there are no tasks
    assertThat(Canvas.group(app, List.of())).hasToString("group(<empty>)");
    assertThat(Canvas.group(app, List.of()).app()).isSameAs(app);
    assertThat(Canvas.group(List.of()).app()).isNull();
  }
}
