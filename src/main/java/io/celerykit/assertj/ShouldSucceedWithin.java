package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import java.time.Duration;
import org.assertj.core.error.ErrorMessageFactory;

/** Waiting for a result did not give a value in time. */
final class ShouldSucceedWithin extends CeleryMessage {

  private ShouldSucceedWithin(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldSucceedWithinButTimedOut(
      AsyncResult<?> actual, Duration timeout) {
    return timedOut("succeed", actual, timeout);
  }

  /**
   * Returns the message for a wait that ended before the result was ready, for any goal.
   *
   * @param goal what the result was expected to do: {@code succeed}, {@code fail}
   */
  static ErrorMessageFactory timedOut(String goal, AsyncResult<?> actual, Duration timeout) {
    return new ShouldSucceedWithin(
        "%nExpecting result:%n  %s%nto "
            + goal
            + " within:%n  %s"
            + "%nbut it was not ready in time; it is in state:%n  %s%s"
            + TREE,
        Describe.result(actual),
        timeout.toString(),
        Describe.stateOf(actual),
        Describe.whyNotRun(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldSucceedWithinButFailed(
      AsyncResult<?> actual, Duration timeout, Throwable error) {
    return new ShouldSucceedWithin(
        "%nExpecting result:%n  %s%nto succeed within:%n  %s"
            + "%nbut waiting for it raised:%n  %s%nwhile it is in state:%n  %s"
            + TREE,
        Describe.result(actual),
        timeout.toString(),
        Describe.throwable(error),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }
}
