package io.celerykit.assertj;

import io.celerykit.result.TaskState;
import org.assertj.core.error.ErrorMessageFactory;

/** A task state does not rank as expected in Celery's precedence. */
final class ShouldHavePrecedence extends CeleryMessage {

  private ShouldHavePrecedence(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHavePrecedence(
      TaskState actual, String relation, TaskState other) {
    return new ShouldHavePrecedence(
        "%nExpecting state:%n  %s%nto have %s precedence than:%n  %s"
            + "%nbut it does not; Celery's precedence, highest first:%n  %s",
        actual.name(), relation, other.name(), Describe.precedenceOrder());
  }
}
