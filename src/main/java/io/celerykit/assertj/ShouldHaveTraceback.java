package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import org.assertj.core.error.ErrorMessageFactory;

/** A result has no traceback, or one without the expected text. */
final class ShouldHaveTraceback extends CeleryMessage {

  private ShouldHaveTraceback(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveTraceback(AsyncResult<?> actual) {
    return new ShouldHaveTraceback(
        "%nExpecting result:%n  %s%nto have a traceback%nbut it has none; it is in state:%n  %s",
        Describe.result(actual), Describe.stateOf(actual));
  }

  static ErrorMessageFactory shouldHaveTracebackContaining(AsyncResult<?> actual, String text) {
    return new ShouldHaveTraceback(
        "%nExpecting result:%n  %s%nto have a traceback containing:%n  %s"
            + "%nbut it has none; it is in state:%n  %s",
        Describe.result(actual), text, Describe.stateOf(actual));
  }

  static ErrorMessageFactory shouldHaveTracebackContaining(
      AsyncResult<?> actual, String text, String traceback) {
    return new ShouldHaveTraceback(
        "%nExpecting traceback of result:%n  %s%nto contain:%n  %s%nbut was:%n%s",
        Describe.result(actual), text, Describe.traceback(traceback));
  }
}
