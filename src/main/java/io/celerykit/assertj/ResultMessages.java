package io.celerykit.assertj;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Error messages of the assertions on one task result and its state: readiness, state, value,
 * failure, retries, traceback, parent, children, waits, and the properties and precedence of a
 * state.
 */
final class ResultMessages extends CeleryMessage {

  private ResultMessages(String format, String... texts) {
    super(format, texts);
  }

  // A result or set is, or is not, ready when the opposite was expected.

  static ErrorMessageFactory shouldBeReady(AsyncResult<?> actual) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto be ready (in state SUCCESS, FAILURE or REVOKED)"
            + "%nbut was in state:%n  %s"
            + TREE,
        Describe.result(actual),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldNotBeReady(AsyncResult<?> actual) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nnot to be ready (ready is SUCCESS, FAILURE or REVOKED)"
            + "%nbut was in state:%n  %s"
            + TREE,
        Describe.result(actual),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldBeReady(ResultSet actual, List<String> notReady) {
    return new ResultMessages(
        "%nExpecting result set:%n  %s%nto be ready (every member SUCCESS, FAILURE or REVOKED)"
            + "%nbut these members were not:%n%s"
            + TREE,
        Describe.set(actual),
        Describe.lines(notReady),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldBeWaiting(ResultSet actual) {
    return new ResultMessages(
        "%nExpecting result set:%n  %s%nto be waiting (some member not ready yet)"
            + "%nbut every member was ready"
            + TREE,
        Describe.set(actual),
        Describe.tree(actual));
  }

  // A result is not in the expected state.

  static ErrorMessageFactory shouldHaveState(AsyncResult<?> actual, TaskState expected) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto be in state:%n  %s%nbut was in state:%n  %s" + TREE,
        Describe.result(actual),
        expected.name(),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  // A result did not fail, or failed with another exception type than expected.

  static ErrorMessageFactory shouldHaveFailed(
      AsyncResult<?> actual, Class<? extends Throwable> type) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have failed with:%n  %s%nbut was in state:%n  %s" + TREE,
        Describe.result(actual),
        type.getName(),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldHaveFailedWith(
      AsyncResult<?> actual, Class<? extends Throwable> type, Object stored) {
    String found =
        stored instanceof Throwable error
            ? error.getClass().getName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage())
            : "a stored value that is not an exception: " + Describe.value(stored);
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have failed with:%n  %s%nbut failed with:%n  %s" + TREE,
        Describe.result(actual),
        type.getName(),
        found,
        Describe.tree(actual));
  }

  // A result stores another value than the expected one.

  static ErrorMessageFactory shouldHaveResult(
      AsyncResult<?> actual, Object stored, Object expected) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have result:%n  %s%nbut had:%n  %s%nin state:%n  %s" + TREE,
        Describe.result(actual),
        Describe.value(expected),
        Describe.value(stored),
        actual.state().name(),
        Describe.tree(actual));
  }

  // A result's stored value does not satisfy the given requirements.

  static ErrorMessageFactory shouldHaveResultSatisfying(
      AsyncResult<?> actual, Object stored, AssertionError error) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have a result satisfying the given requirements"
            + "%nbut it did not:%n%s%nstored result:%n  %s%nin state:%n  %s",
        Describe.result(actual),
        Describe.indent(String.valueOf(error.getMessage()).strip()),
        Describe.value(stored),
        actual.state().name());
  }

  // A result was retried another number of times, or stores no retries count.

  static ErrorMessageFactory shouldHaveRetries(AsyncResult<?> actual, int expected, int retries) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have been retried:%n  %s times%nbut was retried:%n"
            + "  %s times%nin state:%n  %s",
        Describe.result(actual),
        String.valueOf(expected),
        String.valueOf(retries),
        Describe.stateOf(actual));
  }

  static ErrorMessageFactory shouldHaveRetriesStored(AsyncResult<?> actual, int expected) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have been retried:%n  %s times"
            + "%nbut no retries count is stored for it (Celery stores retries with"
            + " result_extended: CeleryConfig.resultExtended(true))%nin state:%n  %s",
        Describe.result(actual), String.valueOf(expected), Describe.stateOf(actual));
  }

  // A result has no traceback, or one without the expected text.

  static ErrorMessageFactory shouldHaveTraceback(AsyncResult<?> actual) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have a traceback%nbut it has none; it is in state:%n  %s",
        Describe.result(actual), Describe.stateOf(actual));
  }

  static ErrorMessageFactory shouldHaveTracebackContaining(AsyncResult<?> actual, String text) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have a traceback containing:%n  %s"
            + "%nbut it has none; it is in state:%n  %s",
        Describe.result(actual), text, Describe.stateOf(actual));
  }

  static ErrorMessageFactory shouldHaveTracebackContaining(
      AsyncResult<?> actual, String text, String traceback) {
    return new ResultMessages(
        "%nExpecting traceback of result:%n  %s%nto contain:%n  %s%nbut was:%n%s",
        Describe.result(actual), text, Describe.traceback(traceback));
  }

  // A result has no parent, another parent, or a parent when none was expected.

  static ErrorMessageFactory shouldHaveParent(AsyncResult<?> actual) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have a parent (the previous step of a chain)"
            + "%nbut it has none",
        Describe.result(actual));
  }

  static ErrorMessageFactory shouldHaveParent(AsyncResult<?> actual, String expectedId) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have parent:%n  %s%nbut it has no parent",
        Describe.result(actual), expectedId);
  }

  static ErrorMessageFactory shouldHaveParent(
      AsyncResult<?> actual, String expectedId, ResultBase parent) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have parent:%n  %s%nbut its parent is:%n  %s",
        Describe.result(actual), expectedId, Describe.node(parent));
  }

  static ErrorMessageFactory shouldHaveNoParent(AsyncResult<?> actual, ResultBase parent) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto have no parent%nbut its parent is:%n  %s",
        Describe.result(actual), Describe.node(parent));
  }

  // A result has other children than expected, or none at the index asked for.

  static ErrorMessageFactory shouldHaveChildCount(
      AsyncResult<?> actual, int expected, List<String> childIds) {
    return new ResultMessages(
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
    return new ResultMessages(
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
    return new ResultMessages(
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
    return new ResultMessages(
        "%nExpecting child %s of result:%n  %s%nto be a task result (AsyncResult)"
            + "%nbut it is:%n  %s%n(check groups among the children with assertThatTree(result))",
        String.valueOf(index), Describe.result(actual), Describe.node(child));
  }

  // Waiting for a result did not give a value in time.

  static ErrorMessageFactory shouldSucceedWithinButTimedOut(
      AsyncResult<?> actual, Duration timeout) {
    return timedOut("succeed", actual, timeout);
  }

  /**
   * Returns the message for a wait that ended before the result was ready, for any goal.
   *
   * @param goal what the result was expected to do: {@code succeed}, {@code fail}
   */
  static ErrorMessageFactory timedOut(String goal, AsyncResult<?> actual, Duration timeout) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto "
            + goal
            + " within:%n  %s"
            + "%nbut it was not ready in time; it is in state:%n  %s%s"
            + TREE,
        Describe.result(actual),
        timeout.toString(),
        Describe.stateOf(actual),
        Describe.whyNotRun(actual),
        Describe.tree(actual));
  }

  static ErrorMessageFactory shouldSucceedWithinButFailed(
      AsyncResult<?> actual, Duration timeout, Throwable error) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto succeed within:%n  %s"
            + "%nbut waiting for it raised:%n  %s%nwhile it is in state:%n  %s"
            + TREE,
        Describe.result(actual),
        timeout.toString(),
        Describe.throwable(error),
        Describe.stateOf(actual),
        Describe.tree(actual));
  }

  // Waiting for a result did not end in a failure in time.

  static ErrorMessageFactory shouldFailWithinButTimedOut(AsyncResult<?> actual, Duration timeout) {
    return ResultMessages.timedOut("fail", actual, timeout);
  }

  static ErrorMessageFactory shouldFailWithinButSucceeded(
      AsyncResult<?> actual, Duration timeout, Object value) {
    return new ResultMessages(
        "%nExpecting result:%n  %s%nto fail within:%n  %s%nbut it succeeded with:%n  %s" + TREE,
        Describe.result(actual),
        timeout.toString(),
        Describe.value(value),
        Describe.tree(actual));
  }

  // A task state is not of the expected kind (ready, propagating, custom).

  static ErrorMessageFactory shouldBeReady(TaskState actual) {
    return new ResultMessages(
        "%nExpecting state:%n  %s%nto be a ready state (SUCCESS, FAILURE or REVOKED)"
            + "%nbut it is not",
        actual.name());
  }

  static ErrorMessageFactory shouldNotBeReady(TaskState actual) {
    return new ResultMessages(
        "%nExpecting state:%n  %s%nnot to be a ready state%nbut it is one of SUCCESS, FAILURE,"
            + " REVOKED",
        actual.name());
  }

  static ErrorMessageFactory shouldPropagate(TaskState actual) {
    return new ResultMessages(
        "%nExpecting state:%n  %s%nto propagate (FAILURE or REVOKED: get() re-raises them)"
            + "%nbut it does not",
        actual.name());
  }

  static ErrorMessageFactory shouldBeCustom(TaskState actual) {
    return new ResultMessages(
        "%nExpecting state:%n  %s%nto be a custom state (such as PROGRESS)"
            + "%nbut it is one of Celery's built-in states:%n  %s",
        actual.name(), TaskState.knownNames().toString());
  }

  // A task state does not rank as expected in Celery's precedence.

  static ErrorMessageFactory shouldHavePrecedence(
      TaskState actual, String relation, TaskState other) {
    return new ResultMessages(
        "%nExpecting state:%n  %s%nto have %s precedence than:%n  %s"
            + "%nbut it does not; Celery's precedence, highest first:%n  %s",
        actual.name(), relation, other.name(), Describe.precedenceOrder());
  }
}
