package io.celerykit.assertj;

import io.celerykit.result.TaskState;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

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
    return verify(TaskState::isReady, ResultMessages::shouldBeReady);
  }

  /**
   * Verifies that the state is not ready (the task has not executed yet).
   *
   * @return this assert
   */
  public TaskStateAssert isNotReady() {
    return verify(s -> !s.isReady(), ResultMessages::shouldNotBeReady);
  }

  /**
   * Verifies that the state propagates ({@code PROPAGATE_STATES}: FAILURE, REVOKED), so that {@code
   * get()} re-raises the stored exception.
   *
   * @return this assert
   */
  public TaskStateAssert propagates() {
    return verify(TaskState::propagates, ResultMessages::shouldPropagate);
  }

  /**
   * Verifies that the state is a custom one (such as PROGRESS), not one of Celery's built-in
   * states.
   *
   * @return this assert
   */
  public TaskStateAssert isCustom() {
    return verify(s -> !s.isBuiltIn(), ResultMessages::shouldBeCustom);
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
    return verify(
        s -> s.isAfter(other), s -> ResultMessages.shouldHavePrecedence(s, "higher", other));
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
    return verify(
        s -> s.isBefore(other), s -> ResultMessages.shouldHavePrecedence(s, "lower", other));
  }

  /** Fails with the message unless the state has the property: the one check of every method. */
  private TaskStateAssert verify(
      Predicate<TaskState> holds, Function<TaskState, ErrorMessageFactory> message) {
    isNotNull();
    if (!holds.test(actual)) {
      throwAssertionError(message.apply(actual));
    }
    return myself;
  }
}
