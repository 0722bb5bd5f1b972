package io.celerykit.assertj;

import io.celerykit.result.ResultSet;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** The members of a result set are not in the expected states. */
final class ShouldHaveMemberStates extends CeleryMessage {

  private ShouldHaveMemberStates(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldAllBeSuccessful(ResultSet actual, List<String> notSuccessful) {
    return new ShouldHaveMemberStates(
        "%nExpecting every member of result set:%n  %s%nto be successful"
            + "%nbut these were not:%n%s"
            + TREE,
        Describe.set(actual),
        Describe.lines(notSuccessful),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveCompletedCount(
      ResultSet actual, int expected, int completed) {
    return new ShouldHaveMemberStates(
        "%nExpecting result set:%n  %s%nto have %s successful members%nbut it has %s" + TREE,
        Describe.set(actual),
        String.valueOf(expected),
        String.valueOf(completed),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveAFailedMember(ResultSet actual) {
    return new ShouldHaveMemberStates(
        "%nExpecting some member of result set:%n  %s%nto have failed%nbut none has" + TREE,
        Describe.set(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveNoFailedMember(ResultSet actual, List<String> failed) {
    return new ShouldHaveMemberStates(
        "%nExpecting no member of result set:%n  %s%nto have failed%nbut these have:%n%s" + TREE,
        Describe.set(actual),
        Describe.lines(failed),
        Describe.tree(actual));
  }
}
