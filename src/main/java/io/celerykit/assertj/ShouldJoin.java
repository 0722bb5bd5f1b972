package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import org.assertj.core.error.ErrorMessageFactory;

/** Waiting for the values of a set or a tree raised instead of giving them. */
final class ShouldJoin extends CeleryMessage {

  private ShouldJoin(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldJoin(ResultSet actual, Throwable error) {
    return new ShouldJoin(
        "%nExpecting result set:%n  %s%nto join (every member's value)%nbut joining raised:%n  %s"
            + TREE,
        Describe.set(actual),
        Describe.throwable(error),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldCollect(AsyncResult<?> root, Throwable error) {
    return new ShouldJoin(
        "%nExpecting result tree under:%n  %s%nto collect (every node's value)"
            + "%nbut collecting raised:%n  %s"
            + TREE,
        Describe.result(root),
        Describe.throwable(error),
        Describe.tree(root));
  }

  static ErrorMessageFactory shouldCollectFromATask(ResultBase root) {
    return new ShouldJoin(
        "%nExpecting result tree under:%n  %s%nto collect (every node's value)"
            + "%nbut its root is a result set; collect() walks from a task result (AsyncResult):"
            + " check a set's values with assertThat(set).joinedValues()",
        Describe.node(root));
  }
}
