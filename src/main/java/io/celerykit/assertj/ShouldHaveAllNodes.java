package io.celerykit.assertj;

import io.celerykit.result.ResultBase;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Some nodes of a result tree do not satisfy what every node should. */
final class ShouldHaveAllNodes extends CeleryMessage {

  private ShouldHaveAllNodes(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldAllSatisfy(ResultBase root, List<String> failures) {
    return new ShouldHaveAllNodes(
        "%nExpecting every node of result tree:%n%s%nto satisfy the given requirements"
            + "%nbut these did not:%n%s",
        Describe.tree(root), Describe.lines(failures));
  }

  static ErrorMessageFactory shouldAllBeSuccessful(ResultBase root, List<String> notSuccessful) {
    return new ShouldHaveAllNodes(
        "%nExpecting every task of result tree:%n%s%nto be successful%nbut these were not:%n%s",
        Describe.tree(root), Describe.lines(notSuccessful));
  }
}
