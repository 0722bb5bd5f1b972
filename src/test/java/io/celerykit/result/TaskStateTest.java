package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link TaskState}: a few of Celery's {@code celery.states} comparisons (the exhaustive pairwise
 * check is a separate recorded-vector test).
 */
class TaskStateTest {

  private static final TaskState PROGRESS = TaskState.of("PROGRESS");

  @Test
  void successIsGreatestAndPendingLeast() {
    assertThat(TaskState.SUCCESS.compareTo(TaskState.PENDING)).isPositive();
    assertThat(TaskState.SUCCESS.isAfter(TaskState.FAILURE)).isTrue();
    assertThat(TaskState.PENDING.isBefore(TaskState.RETRY)).isTrue();
    assertThat(TaskState.PENDING.isBefore(TaskState.STARTED)).isTrue();
    assertThat(TaskState.FAILURE.isAfter(TaskState.REVOKED)).isTrue();
    assertThat(TaskState.STARTED.isAfter(TaskState.RECEIVED)).isTrue();
  }

  @Test
  void customStatesRankBelowFailureAndAboveOtherBuiltIns() {
    // state('PROGRESS') < state('FAILURE'), > state('REVOKED'), > state('PENDING')
    assertThat(PROGRESS.isBefore(TaskState.SUCCESS)).isTrue();
    assertThat(PROGRESS.isBefore(TaskState.FAILURE)).isTrue();
    assertThat(PROGRESS.isAfter(TaskState.REVOKED)).isTrue();
    assertThat(PROGRESS.isAfter(TaskState.PENDING)).isTrue();
    assertThat(TaskState.IGNORED.compareTo(PROGRESS)).isZero();
  }

  @Test
  void twoCustomStatesHaveTheSamePrecedenceButAreNotEqual() {
    TaskState other = TaskState.of("CRUNCHING");
    assertThat(PROGRESS.compareTo(other)).isZero();
    assertThat(PROGRESS.isAfter(other)).isFalse();
    assertThat(PROGRESS.isBefore(other)).isFalse();
    assertThat(PROGRESS).isNotEqualTo(other);
  }

  @Test
  void precedenceIsTheIndexInCelerysList() {
    assertThat(TaskState.SUCCESS.precedence()).isZero();
    assertThat(TaskState.FAILURE.precedence()).isEqualTo(1);
    assertThat(PROGRESS.precedence()).isEqualTo(2);
    assertThat(TaskState.REVOKED.precedence()).isEqualTo(3);
    assertThat(TaskState.PENDING.precedence()).isEqualTo(8);
  }

  @Test
  void ofReturnsTheBuiltInConstantForABuiltInName() {
    assertThat(TaskState.of("SUCCESS")).isSameAs(TaskState.SUCCESS);
    assertThat(TaskState.of("SUCCESS").isBuiltIn()).isTrue();
    assertThat(PROGRESS.isBuiltIn()).isFalse();
    assertThat(TaskState.of("PROGRESS")).isEqualTo(PROGRESS).hasSameHashCodeAs(PROGRESS);
    assertThat(PROGRESS.name()).isEqualTo("PROGRESS");
    assertThat(PROGRESS.toString()).isEqualTo("PROGRESS");
  }

  @Test
  void ofRejectsBlankNamesNamingThem() {
    assertThatThrownBy(() -> TaskState.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got \" \"");
    assertThatThrownBy(() -> TaskState.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got null");
  }

  @Test
  void knownReturnsBuiltInStates() {
    for (String name : TaskState.knownNames()) {
      assertThat(TaskState.known(name).name()).isEqualTo(name);
    }
    assertThat(TaskState.known("FAILURE")).isSameAs(TaskState.FAILURE);
  }

  @Test
  void knownRejectsAnUnknownNameNamingIt() {
    assertThatThrownBy(() -> TaskState.known("NOPE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"NOPE\"")
        .hasMessageContaining("SUCCESS")
        .hasMessageContaining("TaskState.of");
    assertThatThrownBy(() -> TaskState.known(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Test
  void stateSetsAreCelerys() {
    assertThat(TaskState.READY_STATES)
        .containsExactlyInAnyOrder(TaskState.SUCCESS, TaskState.FAILURE, TaskState.REVOKED);
    assertThat(TaskState.UNREADY_STATES)
        .containsExactlyInAnyOrder(
            TaskState.PENDING,
            TaskState.RECEIVED,
            TaskState.STARTED,
            TaskState.REJECTED,
            TaskState.RETRY);
    assertThat(TaskState.EXCEPTION_STATES)
        .containsExactlyInAnyOrder(TaskState.RETRY, TaskState.FAILURE, TaskState.REVOKED);
    assertThat(TaskState.PROPAGATE_STATES)
        .containsExactlyInAnyOrder(TaskState.FAILURE, TaskState.REVOKED);
    assertThat(TaskState.ALL_STATES)
        .hasSize(7)
        .doesNotContain(TaskState.REJECTED, TaskState.IGNORED);
  }

  @Test
  void readyAndPropagatesFollowTheSets() {
    assertThat(TaskState.REVOKED.isReady()).isTrue();
    assertThat(TaskState.RETRY.isReady()).isFalse();
    assertThat(PROGRESS.isReady()).isFalse();
    assertThat(TaskState.REVOKED.propagates()).isTrue();
    assertThat(TaskState.SUCCESS.propagates()).isFalse();
  }

  @Test
  void stateSetsAreUnmodifiable() {
    assertThatThrownBy(() -> TaskState.READY_STATES.add(PROGRESS))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
