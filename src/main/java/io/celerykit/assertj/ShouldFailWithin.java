package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import java.time.Duration;
import org.assertj.core.error.ErrorMessageFactory;

/** Waiting for a result did not end in a failure in time. */
final class ShouldFailWithin extends CeleryMessage {

  private ShouldFailWithin(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldFailWithinButTimedOut(AsyncResult<?> actual, Duration timeout) {
    return ShouldSucceedWithin.timedOut("fail", actual, timeout);
  }

  static ErrorMessageFactory shouldFailWithinButSucceeded(
      AsyncResult<?> actual, Duration timeout, Object value) {
    return new ShouldFailWithin(
        "%nExpecting result:%n  %s%nto fail within:%n  %s%nbut it succeeded with:%n  %s" + TREE,
        Describe.result(actual),
        timeout.toString(),
        Describe.value(value),
        Describe.tree(actual));
  }
}
