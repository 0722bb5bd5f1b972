package io.celerykit.assertj;

import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultSet;
import org.assertj.core.error.ErrorMessageFactory;

/** A result set is not a group, or a group with another id. */
final class ShouldHaveGroupId extends CeleryMessage {

  private ShouldHaveGroupId(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveGroupId(GroupResult actual, String expected) {
    return new ShouldHaveGroupId(
        "%nExpecting group result:%n  %s%nto have id:%n  %s%nbut had:%n  %s",
        Describe.set(actual), expected, actual.id());
  }

  static ErrorMessageFactory shouldBeAGroup(ResultSet actual, String expected) {
    return new ShouldHaveGroupId(
        "%nExpecting result set:%n  %s%nto have id:%n  %s"
            + "%nbut it is a plain ResultSet, which has no id (only a GroupResult has one)",
        Describe.set(actual), expected);
  }
}
