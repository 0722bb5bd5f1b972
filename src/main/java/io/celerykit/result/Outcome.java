package io.celerykit.result;

import java.util.Objects;

/**
 * The typed result of waiting on an {@code AsyncResult<T>} without re-raising, as Celery's {@code
 * get(propagate=False)}: either the value or the stored exception, never an exception cast to
 * {@code T}.
 *
 * <pre>{@code
 * Outcome<Integer> o = result.outcome(GetOptions.defaults().propagate(false));
 * if (o instanceof Outcome.Failure<Integer> f) log(f.exception());
 * }</pre>
 *
 * @param <T> the value type
 */
public sealed interface Outcome<T> {

  /**
   * Returns the state the result was in when the outcome was taken.
   *
   * @return the state
   */
  TaskState state();

  /**
   * Tells whether this is a {@link Success}.
   *
   * @return true for a success
   */
  default boolean isSuccess() {
    return this instanceof Success<T>;
  }

  /**
   * Returns the value of a success.
   *
   * @return the value
   * @throws IllegalStateException for a failure, with the failure as cause
   */
  default T value() {
    if (this instanceof Success<T> s) {
      return s.result();
    }
    Failure<T> f = (Failure<T>) this;
    throw new IllegalStateException(
        "outcome is a failure in state " + f.state() + ", not a value", f.exception());
  }

  /**
   * Returns the exception of a failure.
   *
   * @return the exception
   * @throws IllegalStateException for a success
   */
  default Throwable exception() {
    if (this instanceof Failure<T> f) {
      return f.error();
    }
    throw new IllegalStateException("outcome is a success in state " + state() + ", not a failure");
  }

  /**
   * A task's value, in a state outside the exception states (usually SUCCESS).
   *
   * @param <T> the value type
   * @param state the state
   * @param result the value
   */
  record Success<T>(TaskState state, T result) implements Outcome<T> {
    /**
     * Checks the state.
     *
     * @param state the state
     * @param result the value
     */
    public Success {
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * A task's exception, in one of the exception states (FAILURE, REVOKED, RETRY).
   *
   * @param <T> the value type the task would have returned
   * @param state the state
   * @param error the stored exception
   */
  record Failure<T>(TaskState state, Throwable error) implements Outcome<T> {
    /**
     * Checks the parts.
     *
     * @param state the state
     * @param error the exception
     */
    public Failure {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(error, "error");
    }
  }
}
