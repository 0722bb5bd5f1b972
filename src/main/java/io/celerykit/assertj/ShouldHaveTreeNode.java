package io.celerykit.assertj;

import io.celerykit.result.ResultBase;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** A result tree has no task result with the id asked for. */
final class ShouldHaveTreeNode extends CeleryMessage {

  private ShouldHaveTreeNode(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveTreeNode(ResultBase root, String id, List<String> ids) {
    return new ShouldHaveTreeNode(
        "%nExpecting result tree:%n%s%nto contain a task result with id:%n  %s"
            + "%nbut it has only these ids:%n  %s",
        Describe.tree(root), id, ids.toString());
  }

  static ErrorMessageFactory shouldHaveTaskNode(ResultBase root, String id, ResultBase node) {
    return new ShouldHaveTreeNode(
        "%nExpecting result tree:%n%s%nto contain a task result with id:%n  %s"
            + "%nbut that id is a result set:%n  %s",
        Describe.tree(root), id, Describe.node(node));
  }
}
