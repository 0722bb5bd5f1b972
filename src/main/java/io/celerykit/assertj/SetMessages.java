package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Error messages of the assertions on result sets and result trees: members, member states, group
 * id, join and collect, the nodes and the shape of a tree.
 */
final class SetMessages extends CeleryMessage {

  private SetMessages(String format, String... texts) {
    super(format, texts);
  }

  // A result set has another size than expected, or no task member at an index.

  static ErrorMessageFactory shouldHaveSize(ResultSet actual, int expected) {
    return new SetMessages(
        "%nExpecting result set:%n  %s%nto have %s members%nbut it has %s",
        Describe.set(actual), String.valueOf(expected), String.valueOf(actual.size()));
  }

  static ErrorMessageFactory shouldHaveMemberAt(ResultSet actual, int index, int size) {
    return new SetMessages(
        "%nExpecting result set:%n  %s%nto have a member at index %s%nbut it has %s members",
        Describe.set(actual), String.valueOf(index), String.valueOf(size));
  }

  static ErrorMessageFactory shouldHaveTaskMemberAt(
      ResultSet actual, int index, ResultBase member) {
    return new SetMessages(
        "%nExpecting member %s of result set:%n  %s%nto be a task result (AsyncResult)"
            + "%nbut it is:%n  %s%n(check a nested set with assertThat((ResultSet) member))",
        String.valueOf(index), Describe.set(actual), Describe.node(member));
  }

  // The members of a result set are not in the expected states.

  static ErrorMessageFactory shouldAllBeSuccessful(ResultSet actual, List<String> notSuccessful) {
    return new SetMessages(
        "%nExpecting every member of result set:%n  %s%nto be successful"
            + "%nbut these were not:%n%s"
            + TREE,
        Describe.set(actual),
        Describe.lines(notSuccessful),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveCompletedCount(
      ResultSet actual, int expected, int completed) {
    return new SetMessages(
        "%nExpecting result set:%n  %s%nto have %s successful members%nbut it has %s" + TREE,
        Describe.set(actual),
        String.valueOf(expected),
        String.valueOf(completed),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveAFailedMember(ResultSet actual) {
    return new SetMessages(
        "%nExpecting some member of result set:%n  %s%nto have failed%nbut none has" + TREE,
        Describe.set(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveNoFailedMember(ResultSet actual, List<String> failed) {
    return new SetMessages(
        "%nExpecting no member of result set:%n  %s%nto have failed%nbut these have:%n%s" + TREE,
        Describe.set(actual),
        Describe.lines(failed),
        Describe.tree(actual));
  }

  // A result set is not a group, or a group with another id.

  static ErrorMessageFactory shouldHaveGroupId(GroupResult actual, String expected) {
    return new SetMessages(
        "%nExpecting group result:%n  %s%nto have id:%n  %s%nbut had:%n  %s",
        Describe.set(actual), expected, actual.id());
  }

  static ErrorMessageFactory shouldBeAGroup(ResultSet actual, String expected) {
    return new SetMessages(
        "%nExpecting result set:%n  %s%nto have id:%n  %s"
            + "%nbut it is a plain ResultSet, which has no id (only a GroupResult has one)",
        Describe.set(actual), expected);
  }

  // Waiting for the values of a set or a tree raised instead of giving them.

  static ErrorMessageFactory shouldJoin(ResultSet actual, Throwable error) {
    return new SetMessages(
        "%nExpecting result set:%n  %s%nto join (every member's value)%nbut joining raised:%n  %s"
            + TREE,
        Describe.set(actual),
        Describe.throwable(error),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldCollect(AsyncResult<?> root, Throwable error) {
    return new SetMessages(
        "%nExpecting result tree under:%n  %s%nto collect (every node's value)"
            + "%nbut collecting raised:%n  %s"
            + TREE,
        Describe.result(root),
        Describe.throwable(error),
        Describe.tree(root));
  }

  static ErrorMessageFactory shouldCollectFromATask(ResultBase root) {
    return new SetMessages(
        "%nExpecting result tree under:%n  %s%nto collect (every node's value)"
            + "%nbut its root is a result set; collect() walks from a task result (AsyncResult):"
            + " check a set's values with assertThat(set).joinedValues()",
        Describe.node(root));
  }

  // Some nodes of a result tree do not satisfy what every node should.

  static ErrorMessageFactory shouldAllSatisfy(ResultBase root, List<String> failures) {
    return new SetMessages(
        "%nExpecting every node of result tree:%n%s%nto satisfy the given requirements"
            + "%nbut these did not:%n%s",
        Describe.tree(root), Describe.lines(failures));
  }

  static ErrorMessageFactory shouldAllBeSuccessful(ResultBase root, List<String> notSuccessful) {
    return new SetMessages(
        "%nExpecting every task of result tree:%n%s%nto be successful%nbut these were not:%n%s",
        Describe.tree(root), Describe.lines(notSuccessful));
  }

  // A result tree has no task result with the id asked for.

  static ErrorMessageFactory shouldHaveTreeNode(ResultBase root, String id, List<String> ids) {
    return new SetMessages(
        "%nExpecting result tree:%n%s%nto contain a task result with id:%n  %s"
            + "%nbut it has only these ids:%n  %s",
        Describe.tree(root), id, ids.toString());
  }

  static ErrorMessageFactory shouldHaveTaskNode(ResultBase root, String id, ResultBase node) {
    return new SetMessages(
        "%nExpecting result tree:%n%s%nto contain a task result with id:%n  %s"
            + "%nbut that id is a result set:%n  %s",
        Describe.tree(root), id, Describe.node(node));
  }

  // A result tree has another number of nodes or another depth than expected.

  static ErrorMessageFactory shouldHaveNodeCount(ResultBase root, int expected, int count) {
    return new SetMessages(
        "%nExpecting result tree:%n%s%nto have %s nodes%nbut it has %s",
        Describe.tree(root), String.valueOf(expected), String.valueOf(count));
  }

  static ErrorMessageFactory shouldHaveDepth(ResultBase root, int expected, int depth) {
    return new SetMessages(
        "%nExpecting result tree:%n%s%nto have depth %s (edges on its longest root-to-leaf path)"
            + "%nbut it has depth %s",
        Describe.tree(root), String.valueOf(expected), String.valueOf(depth));
  }
}
