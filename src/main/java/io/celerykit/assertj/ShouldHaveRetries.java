package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import org.assertj.core.error.ErrorMessageFactory;

/** A result was retried another number of times, or stores no retries count. */
final class ShouldHaveRetries extends CeleryMessage {

  private ShouldHaveRetries(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveRetries(AsyncResult<?> actual, int expected, int retries) {
    return new ShouldHaveRetries(
        "%nExpecting result:%n  %s%nto have been retried:%n  %s times%nbut was retried:%n"
            + "  %s times%nin state:%n  %s",
        Describe.result(actual),
        String.valueOf(expected),
        String.valueOf(retries),
        Describe.stateOf(actual));
  }

  static ErrorMessageFactory shouldHaveRetriesStored(AsyncResult<?> actual, int expected) {
    return new ShouldHaveRetries(
        "%nExpecting result:%n  %s%nto have been retried:%n  %s times"
            + "%nbut no retries count is stored for it (Celery stores retries with"
            + " result_extended: CeleryConfig.resultExtended(true))%nin state:%n  %s",
        Describe.result(actual), String.valueOf(expected), Describe.stateOf(actual));
  }
}
