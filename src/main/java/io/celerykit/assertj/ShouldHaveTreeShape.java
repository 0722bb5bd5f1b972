package io.celerykit.assertj;

import io.celerykit.result.ResultBase;
import org.assertj.core.error.ErrorMessageFactory;

/** A result tree has another number of nodes or another depth than expected. */
final class ShouldHaveTreeShape extends CeleryMessage {

  private ShouldHaveTreeShape(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveNodeCount(ResultBase root, int expected, int count) {
    return new ShouldHaveTreeShape(
        "%nExpecting result tree:%n%s%nto have %s nodes%nbut it has %s",
        Describe.tree(root), String.valueOf(expected), String.valueOf(count));
  }

  static ErrorMessageFactory shouldHaveDepth(ResultBase root, int expected, int depth) {
    return new ShouldHaveTreeShape(
        "%nExpecting result tree:%n%s%nto have depth %s (edges on its longest root-to-leaf path)"
            + "%nbut it has depth %s",
        Describe.tree(root), String.valueOf(expected), String.valueOf(depth));
  }
}
