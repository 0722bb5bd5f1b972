package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The journal lacks an expected event, or holds one that should not be there. */
final class ShouldHaveEvent extends CeleryMessage {

  private ShouldHaveEvent(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveEventFor(
      EventJournal actual, String taskId, String type, List<String> types) {
    return new ShouldHaveEvent(
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
    return new ShouldHaveEvent(
        "%nExpecting the journal%nto have no event of type:%n  %s%nbut found:%n%s" + TIMELINE,
        type,
        Describe.lines(found),
        Describe.timeline(actual));
  }

  static ErrorMessageFactory shouldHaveSize(EventJournal actual, int expected, int size) {
    return new ShouldHaveEvent(
        "%nExpecting the journal%nto hold %s events%nbut it holds %s" + TIMELINE,
        String.valueOf(expected),
        String.valueOf(size),
        Describe.timeline(actual));
  }
}
