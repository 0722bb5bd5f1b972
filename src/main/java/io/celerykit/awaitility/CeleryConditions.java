package io.celerykit.awaitility;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskState;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Conditions for Awaitility in threaded mode, returning plain JDK types so they plug into {@code
 * await().until(...)} without any celerykit type in Awaitility's signatures.
 *
 * <pre>{@code
 * await().atMost(Duration.ofSeconds(5)).until(CeleryConditions.ready(result));
 * await().until(CeleryConditions.inState(result, TaskState.SUCCESS));
 * // or with assertions:
 * await().untilAsserted(() -> assertThat(result).isSuccessful());
 * }</pre>
 *
 * <p>In the default deterministic mode nothing runs on other threads, so there is nothing to await:
 * call {@code get}, {@code app.worker().runUntilIdle()} or advance the clock instead.
 */
public final class CeleryConditions {
  private CeleryConditions() {}

  /**
   * Holds once the result (every member, for a set) is ready.
   *
   * @param result the result or set
   * @return a condition for {@code await().until(...)}
   */
  public static Callable<Boolean> ready(ResultBase result) {
    Objects.requireNonNull(result, "result");
    return result::ready;
  }

  /**
   * Holds once the result is in a state.
   *
   * @param result the result
   * @param state the state
   * @return a condition for {@code await().until(...)}
   */
  public static Callable<Boolean> inState(AsyncResult<?> result, TaskState state) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(state, "state");
    return () -> result.state().equals(state);
  }

  /**
   * Holds once the result has reached a state or one of higher precedence ({@code state >= wanted}
   * in Celery's ordering), e.g. STARTED or anything after it.
   *
   * @param result the result
   * @param state the least state
   * @return a condition for {@code await().until(...)}
   */
  public static Callable<Boolean> reached(AsyncResult<?> result, TaskState state) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(state, "state");
    return () -> result.state().compareTo(state) >= 0;
  }

  /**
   * Supplies the result's state, for {@code await().until(CeleryConditions.state(r), is(SUCCESS))}.
   *
   * @param result the result
   * @return a supplier of the current state
   */
  public static Callable<TaskState> state(AsyncResult<?> result) {
    Objects.requireNonNull(result, "result");
    return result::state;
  }
}
