package io.celerykit.assertj;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.result.TaskState;
import org.junit.jupiter.api.Test;

class TaskStateAssertTest {

  private static final String NL = System.lineSeparator();
  private static final TaskState PROGRESS = TaskState.of("PROGRESS");

  @Test
  void readyStatesAreSuccessFailureAndRevoked() {
    assertThat(TaskState.SUCCESS).isReady();
    assertThat(TaskState.FAILURE).isReady();
    assertThat(TaskState.REVOKED).isReady();
    assertThat(TaskState.PENDING).isNotReady();
    assertThat(PROGRESS).isNotReady();
  }

  @Test
  void isReadyFailsForAnUnreadyState() {
    assertThatThrownBy(() -> assertThat(TaskState.STARTED).isReady())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting state:" + NL + "  STARTED" + NL)
        .hasMessageContaining("to be a ready state (SUCCESS, FAILURE or REVOKED)");
  }

  @Test
  void isNotReadyFailsForAReadyState() {
    assertThatThrownBy(() -> assertThat(TaskState.SUCCESS).isNotReady())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not to be a ready state");
  }

  @Test
  void failureAndRevokedPropagate() {
    assertThat(TaskState.FAILURE).propagates();
    assertThat(TaskState.REVOKED).propagates();
  }

  @Test
  void propagatesFailsForSuccess() {
    assertThatThrownBy(() -> assertThat(TaskState.SUCCESS).propagates())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to propagate (FAILURE or REVOKED: get() re-raises them)");
  }

  @Test
  void aStateOutsideCelerysBuiltInsIsCustom() {
    assertThat(PROGRESS).isCustom();
  }

  @Test
  void isCustomFailsForABuiltInStateListingTheBuiltIns() {
    assertThatThrownBy(() -> assertThat(TaskState.of("RETRY")).isCustom())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to be a custom state (such as PROGRESS)")
        .hasMessageContaining("[PENDING, RECEIVED, STARTED, SUCCESS, FAILURE");
  }

  @Test
  void precedenceFollowsCelery() {
    assertThat(TaskState.SUCCESS).hasHigherPrecedenceThan(TaskState.FAILURE);
    assertThat(PROGRESS).hasHigherPrecedenceThan(TaskState.STARTED);
    assertThat(PROGRESS).hasLowerPrecedenceThan(TaskState.FAILURE);
    assertThat(TaskState.PENDING).hasLowerPrecedenceThan(TaskState.RETRY);
  }

  @Test
  void hasHigherPrecedenceThanFailsShowingTheOrder() {
    assertThatThrownBy(
            () -> assertThat(TaskState.PENDING).hasHigherPrecedenceThan(TaskState.STARTED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to have higher precedence than:" + NL + "  STARTED")
        .hasMessageContaining("SUCCESS, FAILURE, <custom states>, REVOKED, STARTED");
  }

  @Test
  void hasLowerPrecedenceThanFailsForAnEqualRank() {
    assertThatThrownBy(() -> assertThat(PROGRESS).hasLowerPrecedenceThan(TaskState.of("OTHER")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting state:" + NL + "  PROGRESS")
        .hasMessageContaining("to have lower precedence than:" + NL + "  OTHER");
  }

  @Test
  void aNullStateFailsEveryCheck() {
    TaskState none = null;

    assertThatThrownBy(() -> assertThat(none).isReady())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
