package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link GetOptions}: the keyword arguments of Celery's {@code AsyncResult.get}. */
class GetOptionsTest {

  private final GetOptions defaults = GetOptions.defaults();

  @Test
  void defaultsAreCelerys() {
    // get(timeout=None, propagate=True, interval=0.5, no_ack=True, follow_parents=True,
    //     callback=None, on_message=None, on_interval=None, disable_sync_subtasks=True,
    //     EXCEPTION_STATES=states.EXCEPTION_STATES, PROPAGATE_STATES=states.PROPAGATE_STATES)
    assertThat(defaults.timeout()).isNull();
    assertThat(defaults.propagate()).isTrue();
    assertThat(defaults.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.noAck()).isTrue();
    assertThat(defaults.followParents()).isTrue();
    assertThat(defaults.callback()).isNull();
    assertThat(defaults.onMessage()).isNull();
    assertThat(defaults.onInterval()).isNull();
    assertThat(defaults.disableSyncSubtasks()).isTrue();
    assertThat(defaults.exceptionStates()).isEqualTo(TaskState.EXCEPTION_STATES);
    assertThat(defaults.propagateStates()).isEqualTo(TaskState.PROPAGATE_STATES);
  }

  @Test
  void withersReturnNewCopiesAndLeaveTheOriginal() {
    BiConsumer<String, Object> callback = (id, v) -> {};
    Consumer<TaskMeta> onMessage = meta -> {};
    Runnable onInterval = () -> {};
    GetOptions changed =
        defaults
            .timeout(Duration.ofSeconds(3))
            .propagate(false)
            .interval(Duration.ofSeconds(1))
            .noAck(false)
            .followParents(false)
            .callback(callback)
            .onMessage(onMessage)
            .onInterval(onInterval)
            .disableSyncSubtasks(false)
            .exceptionStates(Set.of(TaskState.FAILURE))
            .propagateStates(Set.of(TaskState.REVOKED));

    assertThat(changed).isNotSameAs(defaults);
    assertThat(changed.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(changed.propagate()).isFalse();
    assertThat(changed.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(changed.noAck()).isFalse();
    assertThat(changed.followParents()).isFalse();
    assertThat(changed.callback()).isSameAs(callback);
    assertThat(changed.onMessage()).isSameAs(onMessage);
    assertThat(changed.onInterval()).isSameAs(onInterval);
    assertThat(changed.disableSyncSubtasks()).isFalse();
    assertThat(changed.exceptionStates()).containsExactly(TaskState.FAILURE);
    assertThat(changed.propagateStates()).containsExactly(TaskState.REVOKED);

    // the defaults did not change
    assertThat(GetOptions.defaults()).isSameAs(defaults);
    assertThat(defaults.timeout()).isNull();
    assertThat(defaults.propagate()).isTrue();
    assertThat(defaults.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(defaults.callback()).isNull();
    assertThat(defaults.exceptionStates()).isEqualTo(TaskState.EXCEPTION_STATES);
  }

  @Test
  void eachWitherChangesOnlyItsOwnOption() {
    GetOptions timed = defaults.timeout(Duration.ofSeconds(1));
    GetOptions noPropagate = timed.propagate(false);
    assertThat(noPropagate.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(timed.propagate()).isTrue();
    assertThat(noPropagate.interval()).isEqualTo(defaults.interval());
    assertThat(noPropagate.followParents()).isTrue();
  }

  @Test
  void stateSetsAreCopied() {
    Set<TaskState> states = new HashSet<>(Set.of(TaskState.FAILURE));
    GetOptions options = defaults.exceptionStates(states).propagateStates(states);
    states.add(TaskState.RETRY);
    assertThat(options.exceptionStates()).containsExactly(TaskState.FAILURE);
    assertThat(options.propagateStates()).containsExactly(TaskState.FAILURE);
    assertThatThrownBy(() -> defaults.exceptionStates(null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void negativeTimeoutIsRejectedNamingIt() {
    assertThatThrownBy(() -> defaults.timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
  }

  @Test
  void zeroAndNoTimeoutAreAllowed() {
    assertThat(defaults.timeout(Duration.ZERO).timeout()).isEqualTo(Duration.ZERO);
    assertThat(defaults.timeout(Duration.ofSeconds(1)).timeout(null).timeout()).isNull();
  }

  @Test
  void nonPositiveIntervalIsRejectedNamingIt() {
    assertThatThrownBy(() -> defaults.interval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> defaults.interval(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-0.005S");
    assertThatThrownBy(() -> defaults.interval(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toStringShowsTheOptions() {
    assertThat(defaults.timeout(Duration.ofSeconds(2)).callback((id, v) -> {}).toString())
        .contains(
            "timeout=PT2S",
            "propagate=true",
            "interval=PT0.5S",
            "callback=true",
            "onMessage=false");
  }
}
