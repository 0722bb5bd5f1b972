package io.celerykit.assertj;

import org.assertj.core.error.ErrorMessageFactory;

/**
 * The sends matching a pattern are not as many as expected; the report (from {@link
 * io.celerykit.app.VerificationReport}) names what was sent, closest first.
 */
final class ShouldHaveSentTasks extends CeleryMessage {

  private ShouldHaveSentTasks(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveSentTasks(String report) {
    return new ShouldHaveSentTasks("%n%s", report);
  }
}
