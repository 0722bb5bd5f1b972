package io.celerykit.assertj;

import org.assertj.core.error.ErrorMessageFactory;

/**
 * Tasks were not sent in the expected order; the report (from {@link
 * io.celerykit.app.VerificationReport}) lists the sends and where the order broke.
 */
final class ShouldHaveSentInOrder extends CeleryMessage {

  private ShouldHaveSentInOrder(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveSentInOrder(String report) {
    return new ShouldHaveSentInOrder("%n%s", report);
  }
}
