package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.backend.VirtualClock;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.NotRegisteredException;
import io.celerykit.result.RevokeOptions;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadInputTest {

  private static final Instant T0 = VirtualClock.DEFAULT_START;

  private final InMemoryCelery app = InMemoryCelery.create();
  private final Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

  // ---------------------------------------------------------------- names

  @Test
  void unknownTaskNameIsRefusedAtSendAndNothingIsQueued() {
    assertThatThrownBy(() -> app.sendTask("tasks.sub", 1, 2))
        .isInstanceOf(NotRegisteredException.class)
        .hasMessageContaining("'tasks.sub'")
        .hasMessageContaining("[tasks.add]");

    assertThat(app.worker().queued()).isZero();
    assertThat(app.clock().pendingEvents()).isZero();
    assertThat(app.journal().events()).isEmpty();
  }

  @Test
  void blankTaskNamesAreRefusedAtRegistration() {
    assertThatThrownBy(() -> app.task("", () -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task name must be a non-blank string");
    assertThatThrownBy(() -> app.task("   ", (Integer x) -> x))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> app.boundTask(null, self -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
    assertThatThrownBy(() -> app.stub("\t")).isInstanceOf(IllegalArgumentException.class);

    assertThat(app.taskNames()).containsExactly("tasks.add");
  }

  @Test
  void blankNameIsNotRegisteredWhenSent() {
    assertThatThrownBy(() -> app.sendTask(" ")).isInstanceOf(NotRegisteredException.class);
  }

  @Test
  void nullBodyIsRefused() {
    assertThatThrownBy(() -> app.task("tasks.x", (TaskBody.Of0<Object>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("body");
  }

  // ---------------------------------------------------------------- countdown and eta

  @Test
  void negativeCountdownIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> ApplyOptions.defaults().countdown(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countdown")
        .hasMessageContaining("PT-5S");
  }

  @Test
  void zeroCountdownRunsNow() {
    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().countdown(Duration.ZERO));
    app.worker().runDue();

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
  }

  @Test
  void etaInThePastRunsAtOnceAsInCelery() {
    app.clock().advance(Duration.ofDays(2));

    AsyncResult<Integer> r =
        add.applyAsync(List.of(1, 2), Map.of(), ApplyOptions.defaults().eta(T0.minusSeconds(3600)));
    app.worker().runDue();

    assertThat(r.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void countdownTogetherWithEtaIsRefusedNamingBoth() {
    assertThatThrownBy(
            () -> ApplyOptions.defaults().countdown(Duration.ofSeconds(5)).eta(T0.plusSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countdown")
        .hasMessageContaining("eta");
    assertThatThrownBy(
            () -> ApplyOptions.defaults().eta(T0.plusSeconds(60)).countdown(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countdown")
        .hasMessageContaining("eta");
  }

  @Test
  void nullCountdownAndEtaAreRefused() {
    assertThatThrownBy(() -> ApplyOptions.defaults().countdown(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("countdown");
    assertThatThrownBy(() -> ApplyOptions.defaults().eta(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eta");
  }

  @Test
  void refusedOptionsLeaveTheOriginalUsable() {
    ApplyOptions withEta = ApplyOptions.defaults().eta(T0.plusSeconds(30));

    assertThatThrownBy(() -> withEta.countdown(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(withEta.eta()).isEqualTo(T0.plusSeconds(30));
    assertThat(withEta.countdown()).isNull();
    assertThat(add.applyAsync(List.of(1, 2), Map.of(), withEta).get()).isEqualTo(3);
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  // ---------------------------------------------------------------- other options

  @Test
  void blankQueueAndHeaderNamesAreRefused() {
    assertThatThrownBy(() -> ApplyOptions.defaults().queue(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("queue");
    assertThatThrownBy(() -> ApplyOptions.defaults().header("", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header name");
  }

  @Test
  void nullArgsKwargsAndOptionsAreRefusedWithAHint() {
    assertThatThrownBy(() -> add.applyAsync(null, Map.of(), ApplyOptions.defaults()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("List.of()");
    assertThatThrownBy(() -> add.applyAsync(List.of(1, 2), null, ApplyOptions.defaults()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Map.of()");
    assertThatThrownBy(() -> add.applyAsync(List.of(1, 2), Map.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ApplyOptions.defaults()");
    assertThat(app.journal().events()).isEmpty();
  }

  // ---------------------------------------------------------------- revoking

  @Test
  void revokingAnUnknownIdIsAllowed() {
    app.control().revoke(List.of("never-sent"), RevokeOptions.defaults().terminate(true));

    assertThat(app.control().revoked()).containsExactly("never-sent");
    assertThat(add.delay(1, 2).get()).isEqualTo(3);
  }
}
