package io.celerykit.assertj;

import io.celerykit.result.TaskState;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Checks a {@link TaskState} against Celery's {@code celery.states}: ready states, propagating
 * states, custom states and precedence. Obtain one with {@link
 * CeleryAssertions#assertThat(TaskState)}.
 */
public class TaskStateAssert extends AbstractAssert<TaskStateAssert, TaskState> {

  /**
   * Creates an assert on a state; prefer {@link CeleryAssertions#assertThat(TaskState)}.
   *
   * @param actual the state, may be null (every check then fails)
   */
  public TaskStateAssert(TaskState actual) {
    super(actual, TaskStateAssert.class);
  }

  /**
   * Verifies that the state is ready ({@code READY_STATES}: SUCCESS, FAILURE, REVOKED).
   *
   * @return this assert
   */
  public TaskStateAssert isReady() {
    isNotNull();
    if (!actual.isReady()) {
      throwAssertionError(ResultMessages.shouldBeReady(actual));
    }
    return myself;
  }

  /**
   * Verifies that the state is not ready (the task has not executed yet).
   *
   * @return this assert
   */
  public TaskStateAssert isNotReady() {
    isNotNull();
    if (actual.isReady()) {
      throwAssertionError(ResultMessages.shouldNotBeReady(actual));
    }
    return myself;
  }

  /**
   * Verifies that the state propagates ({@code PROPAGATE_STATES}: FAILURE, REVOKED), so that {@code
   * get()} re-raises the stored exception.
   *
   * @return this assert
   */
  public TaskStateAssert propagates() {
    isNotNull();
    if (!actual.propagates()) {
      throwAssertionError(ResultMessages.shouldPropagate(actual));
    }
    return myself;
  }

  /**
   * Verifies that the state is a custom one (such as PROGRESS), not one of Celery's built-in
   * states.
   *
   * @return this assert
   */
  public TaskStateAssert isCustom() {
    isNotNull();
    if (actual.isBuiltIn()) {
      throwAssertionError(ResultMessages.shouldBeCustom(actual));
    }
    return myself;
  }

  /**
   * Verifies that the state ranks strictly higher than the other in Celery's precedence ({@code
   * state(a) > state(b)}): SUCCESS is highest, PENDING lowest.
   *
   * @param other the state to compare with
   * @return this assert
   */
  public TaskStateAssert hasHigherPrecedenceThan(TaskState other) {
    Objects.requireNonNull(other, "other state");
    isNotNull();
    if (!actual.isAfter(other)) {
      throwAssertionError(ResultMessages.shouldHavePrecedence(actual, "higher", other));
    }
    return myself;
  }

  /**
   * Verifies that the state ranks strictly lower than the other in Celery's precedence ({@code
   * state(a) < state(b)}).
   *
   * @param other the state to compare with
   * @return this assert
   */
  public TaskStateAssert hasLowerPrecedenceThan(TaskState other) {
    Objects.requireNonNull(other, "other state");
    isNotNull();
    if (!actual.isBefore(other)) {
      throwAssertionError(ResultMessages.shouldHavePrecedence(actual, "lower", other));
    }
    return myself;
  }
}
