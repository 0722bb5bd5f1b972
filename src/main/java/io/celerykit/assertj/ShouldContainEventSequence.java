package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** A task's events do not contain the expected types in order. */
final class ShouldContainEventSequence extends CeleryMessage {

  private ShouldContainEventSequence(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldContainEventSequence(
      EventJournal actual, String taskId, List<String> sequence, List<String> types) {
    return create(actual, taskId, "the sequence (in order, one after the other)", sequence, types);
  }

  static ErrorMessageFactory shouldContainEventSubsequence(
      EventJournal actual, String taskId, List<String> sequence, List<String> types) {
    return create(
        actual, taskId, "the subsequence (in order, others between allowed)", sequence, types);
  }

  private static ErrorMessageFactory create(
      EventJournal actual, String taskId, String what, List<String> sequence, List<String> types) {
    return new ShouldContainEventSequence(
        "%nExpecting events of task:%n  %s%nto contain %s:%n  %s%nbut its events were:%n  %s"
            + TIMELINE,
        taskId,
        what,
        sequence.toString(),
        types.toString(),
        Describe.timeline(actual));
  }
}
