package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import org.assertj.core.error.ErrorMessageFactory;

/** A result did not fail, or failed with another exception type than expected. */
final class ShouldHaveFailedWith extends CeleryMessage {

  private ShouldHaveFailedWith(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveFailed(
      AsyncResult<?> actual, Class<? extends Throwable> type) {
    return new ShouldHaveFailedWith(
        "%nExpecting result:%n  %s%nto have failed with:%n  %s%nbut was in state:%n  %s" + TREE,
        Describe.result(actual),
        type.getName(),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveFailedWith(
      AsyncResult<?> actual, Class<? extends Throwable> type, Object stored) {
    String found =
        stored instanceof Throwable error
            ? error.getClass().getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage())
            : "a stored value that is not an exception: " + Describe.value(stored);
    return new ShouldHaveFailedWith(
        "%nExpecting result:%n  %s%nto have failed with:%n  %s%nbut failed with:%n  %s" + TREE,
        Describe.result(actual),
        type.getName(),
        found,
        Describe.tree(actual));
  }
}
