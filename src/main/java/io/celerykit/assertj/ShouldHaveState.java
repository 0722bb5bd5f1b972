package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.TaskState;
import org.assertj.core.error.ErrorMessageFactory;

/** A result is not in the expected state. */
final class ShouldHaveState extends CeleryMessage {

  private ShouldHaveState(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveState(AsyncResult<?> actual, TaskState expected) {
    return new ShouldHaveState(
        "%nExpecting result:%n  %s%nto be in state:%n  %s%nbut was in state:%n  %s" + TREE,
        Describe.result(actual),
        expected.name(),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }
}
