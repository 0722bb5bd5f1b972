package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** A result has other children than expected, or none at the index asked for. */
final class ShouldHaveChildren extends CeleryMessage {

  private ShouldHaveChildren(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveChildCount(
      AsyncResult<?> actual, int expected, List<String> childIds) {
    return new ShouldHaveChildren(
        "%nExpecting result:%n  %s%nto have %s children%nbut it has %s:%n  %s" + TREE,
        Describe.result(actual),
        String.valueOf(expected),
        String.valueOf(childIds.size()),
        childIds.toString(),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveChildren(
      AsyncResult<?> actual, List<String> expected, List<String> childIds) {
    List<String> missing = new java.util.ArrayList<>(expected);
    missing.removeAll(childIds);
    List<String> unexpected = new java.util.ArrayList<>(childIds);
    unexpected.removeAll(expected);
    return new ShouldHaveChildren(
        "%nExpecting result:%n  %s%nto have exactly these children, in this order:%n  %s"
            + "%nbut its children are:%n  %s%nmissing:%n  %s%nunexpected:%n  %s"
            + TREE,
        Describe.result(actual),
        expected.toString(),
        childIds.toString(),
        missing.toString(),
        unexpected.toString(),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveChildAt(
      AsyncResult<?> actual, int index, List<String> childIds) {
    return new ShouldHaveChildren(
        "%nExpecting result:%n  %s%nto have a child at index %s%nbut it has %s children:%n  %s"
            + TREE,
        Describe.result(actual),
        String.valueOf(index),
        String.valueOf(childIds.size()),
        childIds.toString(),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveTaskChildAt(
      AsyncResult<?> actual, int index, ResultBase child) {
    return new ShouldHaveChildren(
        "%nExpecting child %s of result:%n  %s%nto be a task result (AsyncResult)"
            + "%nbut it is:%n  %s%n(check groups among the children with assertThatTree(result))",
        String.valueOf(index), Describe.result(actual), Describe.node(child));
  }
}
