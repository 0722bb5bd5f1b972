package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import org.assertj.core.error.ErrorMessageFactory;

/** A result's stored value does not satisfy the given requirements. */
final class ShouldHaveResultSatisfying extends CeleryMessage {

  private ShouldHaveResultSatisfying(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveResultSatisfying(
      AsyncResult<?> actual, Object stored, AssertionError error) {
    return new ShouldHaveResultSatisfying(
        "%nExpecting result:%n  %s%nto have a result satisfying the given requirements"
            + "%nbut it did not:%n%s%nstored result:%n  %s%nin state:%n  %s",
        Describe.result(actual),
        Describe.indent(String.valueOf(error.getMessage()).strip()),
        Describe.value(stored),
        actual.state().name());
  }
}
