package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import org.assertj.core.error.ErrorMessageFactory;

/** A result has no parent, another parent, or a parent when none was expected. */
final class ShouldHaveParent extends CeleryMessage {

  private ShouldHaveParent(String format, String... texts) {
    super(format, texts);
  }

  static ErrorMessageFactory shouldHaveParent(AsyncResult<?> actual) {
    return new ShouldHaveParent(
        "%nExpecting result:%n  %s%nto have a parent (the previous step of a chain)"
            + "%nbut it has none",
        Describe.result(actual));
  }

  static ErrorMessageFactory shouldHaveParent(AsyncResult<?> actual, String expectedId) {
    return new ShouldHaveParent(
        "%nExpecting result:%n  %s%nto have parent:%n  %s%nbut it has no parent",
        Describe.result(actual), expectedId);
  }

  static ErrorMessageFactory shouldHaveParent(
      AsyncResult<?> actual, String expectedId, ResultBase parent) {
    return new ShouldHaveParent(
        "%nExpecting result:%n  %s%nto have parent:%n  %s%nbut its parent is:%n  %s",
        Describe.result(actual), expectedId, Describe.node(parent));
  }

  static ErrorMessageFactory shouldHaveNoParent(AsyncResult<?> actual, ResultBase parent) {
    return new ShouldHaveParent(
        "%nExpecting result:%n  %s%nto have no parent%nbut its parent is:%n  %s",
        Describe.result(actual), Describe.node(parent));
  }
}
