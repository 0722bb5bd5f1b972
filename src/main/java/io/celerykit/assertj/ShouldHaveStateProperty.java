package io.celerykit.assertj;

import io.celerykit.result.TaskState;
import org.assertj.core.error.ErrorMessageFactory;

/** A task state is not of the expected kind (ready, propagating, custom). */
final class ShouldHaveStateProperty extends CeleryMessage {

  private ShouldHaveStateProperty(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldBeReady(TaskState actual) {
    return new ShouldHaveStateProperty(
        "%nExpecting state:%n  %s%nto be a ready state (SUCCESS, FAILURE or REVOKED)"
            + "%nbut it is not",
        actual.name());
  }

  static ErrorMessageFactory shouldNotBeReady(TaskState actual) {
    return new ShouldHaveStateProperty(
        "%nExpecting state:%n  %s%nnot to be a ready state%nbut it is one of SUCCESS, FAILURE,"
            + " REVOKED",
        actual.name());
  }

  static ErrorMessageFactory shouldPropagate(TaskState actual) {
    return new ShouldHaveStateProperty(
        "%nExpecting state:%n  %s%nto propagate (FAILURE or REVOKED: get() re-raises them)"
            + "%nbut it does not",
        actual.name());
  }

  static ErrorMessageFactory shouldBeCustom(TaskState actual) {
    return new ShouldHaveStateProperty(
        "%nExpecting state:%n  %s%nto be a custom state (such as PROGRESS)"
            + "%nbut it is one of Celery's built-in states:%n  %s",
        actual.name(), TaskState.knownNames().toString());
  }
}
