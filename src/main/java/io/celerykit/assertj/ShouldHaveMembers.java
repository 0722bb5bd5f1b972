package io.celerykit.assertj;

import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import org.assertj.core.error.ErrorMessageFactory;

/** A result set has another size than expected, or no task member at an index. */
final class ShouldHaveMembers extends CeleryMessage {

  private ShouldHaveMembers(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveSize(ResultSet actual, int expected) {
    return new ShouldHaveMembers(
        "%nExpecting result set:%n  %s%nto have %s members%nbut it has %s",
        Describe.set(actual), String.valueOf(expected), String.valueOf(actual.size()));
  }

  static ErrorMessageFactory shouldHaveMemberAt(ResultSet actual, int index, int size) {
    return new ShouldHaveMembers(
        "%nExpecting result set:%n  %s%nto have a member at index %s%nbut it has %s members",
        Describe.set(actual), String.valueOf(index), String.valueOf(size));
  }

  static ErrorMessageFactory shouldHaveTaskMemberAt(
      ResultSet actual, int index, ResultBase member) {
    return new ShouldHaveMembers(
        "%nExpecting member %s of result set:%n  %s%nto be a task result (AsyncResult)"
            + "%nbut it is:%n  %s%n(check a nested set with assertThat((ResultSet) member))",
        String.valueOf(index), Describe.set(actual), Describe.node(member));
  }
}
