package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import org.assertj.core.error.ErrorMessageFactory;

/** A result stores another value than the expected one. */
final class ShouldHaveResult extends CeleryMessage {

  private ShouldHaveResult(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveResult(
      AsyncResult<?> actual, Object stored, Object expected) {
    return new ShouldHaveResult(
        "%nExpecting result:%n  %s%nto have result:%n  %s%nbut had:%n  %s%nin state:%n  %s" + TREE,
        Describe.result(actual),
        Describe.value(expected),
        Describe.value(stored),
        actual.state().name(),
        Describe.tree(actual));
  }
}
