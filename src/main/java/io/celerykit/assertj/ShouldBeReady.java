package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultSet;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** A result or set is, or is not, ready when the opposite was expected. */
final class ShouldBeReady extends CeleryMessage {

  private ShouldBeReady(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldBeReady(AsyncResult<?> actual) {
    return new ShouldBeReady(
        "%nExpecting result:%n  %s%nto be ready (in state SUCCESS, FAILURE or REVOKED)"
            + "%nbut was in state:%n  %s"
            + TREE,
        Describe.result(actual),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldNotBeReady(AsyncResult<?> actual) {
    return new ShouldBeReady(
        "%nExpecting result:%n  %s%nnot to be ready (ready is SUCCESS, FAILURE or REVOKED)"
            + "%nbut was in state:%n  %s"
            + TREE,
        Describe.result(actual),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldBeReady(ResultSet actual, List<String> notReady) {
    return new ShouldBeReady(
        "%nExpecting result set:%n  %s%nto be ready (every member SUCCESS, FAILURE or REVOKED)"
            + "%nbut these members were not:%n%s"
            + TREE,
        Describe.set(actual),
        Describe.lines(notReady),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldBeWaiting(ResultSet actual) {
    return new ShouldBeReady(
        "%nExpecting result set:%n  %s%nto be waiting (some member not ready yet)"
            + "%nbut every member was ready"
            + TREE,
        Describe.set(actual),
        Describe.tree(actual));
  }
}
