package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chains and chords that end with a group return its {@code GroupResult} without a cast: Celery's
 * {@code chain.run} returns {@code results_from_prepare[0]}, the frozen result of the last step,
 * which is a {@code GroupResult} for a group (celery/canvas.py {@code _chain.run}).
 */
class CanvasGroupResultFormsTest {
  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);
  private final Task<Integer> mul = app.task("tasks.mul", (Integer x, Integer y) -> x * y);
  private final Task<Integer> tsum =
      app.task("tasks.tsum", (List<Integer> xs) -> xs.stream().mapToInt(Integer::intValue).sum());
  private final Task<Object> echo =
      app.boundTask("tasks.echo", self -> new ArrayList<>(self.args()));

  @Test
  void chainEndingInAGroupReturnsItsGroupResultWhoseParentIsThePreviousStep() {
    GroupResult g =
        Canvas.chain(add.s(1, 1), Canvas.group(mul.s(2), mul.s(3))).applyAsyncForGroup();

    assertThat(g.join()).containsExactly(4, 6);
    assertThat(((AsyncResult<?>) g.parent()).get()).isEqualTo(2);
  }

  @Test
  void chainDelayForGroupPrependsTheArgumentsToTheFirstStep() {
    GroupResult g = Canvas.chain(add.s(1), Canvas.group(mul.s(2), mul.s(3))).delayForGroup(1);

    assertThat(g.join()).containsExactly(4, 6);
  }

  @Test
  void chordWhoseBodyIsAGroupReturnsTheBodysGroupResult() {
    // chord.run: bodyres = body.freeze(task_id), a GroupResult for a group body
    GroupResult g =
        Canvas.chord(List.of(add.s(1, 1), add.s(2, 2)), Canvas.group(echo.s(), echo.s()))
            .applyAsyncForGroup();

    assertThat(g.join()).containsExactly(List.of(List.of(2, 4)), List.of(List.of(2, 4)));
    assertThat(((GroupResult) g.parent()).join()).containsExactly(2, 4);
  }

  @Test
  void chainEndingInATaskRefusesTheGroupFormNamingTheChainAndSendsNothing() {
    Chain chain = Canvas.chain(add.s(1, 1), mul.s(2));

    assertThatThrownBy(chain::applyAsyncForGroup)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the chain tasks.add(1, 1) | tasks.mul(2)")
        .hasMessageContaining("ends with tasks.mul(2)")
        .hasMessageContaining("call applyAsync()");
    assertThatThrownBy(() -> chain.delayForGroup(5)).isInstanceOf(IllegalStateException.class);
    assertThat(app.worker().queued()).isZero();
  }

  @Test
  void chordEndingInATaskRefusesTheGroupFormNamingTheChord() {
    Chord chord = Canvas.chord(List.of(add.s(1, 1)), tsum.s());

    assertThatThrownBy(chord::applyAsyncForGroup)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the chord chord(")
        .hasMessageContaining("ends with tasks.tsum()");
    assertThat(app.worker().queued()).isZero();
  }

  @Test
  void taskFormOfAChainEndingInAGroupPointsToTheGroupForm() {
    Chain chain = Canvas.chain(add.s(1, 1), Canvas.group(mul.s(2), mul.s(3)));

    assertThatThrownBy(chain::applyAsync)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GroupResult")
        .hasMessageContaining("applyAsyncForGroup()");
    assertThat(app.worker().queued()).isZero();
  }
}
