package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Error messages of the assertions on the event journal and on sent tasks. */
final class JournalMessages extends CeleryMessage {

  private JournalMessages(String format, String... texts) {
    super(format, texts);
  }

  // The journal lacks an expected event, or holds one that should not be there.

  static ErrorMessageFactory shouldHaveEventFor(
      EventJournal actual, String taskId, String type, List<String> types) {
    return new JournalMessages(
        "%nExpecting events of task:%n  %s%nto contain an event of type:%n  %s"
            + "%nbut its events were:%n  %s"
            + TIMELINE,
        taskId,
        type,
        types.toString(),
        Describe.timeline(actual));
  }

  static ErrorMessageFactory shouldHaveNoEventOfType(
      EventJournal actual, String type, List<String> found) {
    return new JournalMessages(
        "%nExpecting the journal%nto have no event of type:%n  %s%nbut found:%n%s" + TIMELINE,
        type,
        Describe.lines(found),
        Describe.timeline(actual));
  }

  static ErrorMessageFactory shouldHaveSize(EventJournal actual, int expected, int size) {
    return new JournalMessages(
        "%nExpecting the journal%nto hold %s events%nbut it holds %s" + TIMELINE,
        String.valueOf(expected),
        String.valueOf(size),
        Describe.timeline(actual));
  }

  // A task's events do not contain the expected types in order.

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
    return new JournalMessages(
        "%nExpecting events of task:%n  %s%nto contain %s:%n  %s%nbut its events were:%n  %s"
            + TIMELINE,
        taskId,
        what,
        sequence.toString(),
        types.toString(),
        Describe.timeline(actual));
  }

  // Tasks were not sent in the expected order; the report (from {@link
  // io.celerykit.app.VerificationReport}) lists the sends and where the order broke.

  static ErrorMessageFactory shouldHaveSentInOrder(String report) {
    return new JournalMessages("%n%s", report);
  }

  // The sends matching a pattern are not as many as expected; the report (from {@link
  // io.celerykit.app.VerificationReport}) names what was sent, closest first.

  static ErrorMessageFactory shouldHaveSentTasks(String report) {
    return new JournalMessages("%n%s", report);
  }
}
