package io.celerykit.assertj;

import io.celerykit.app.PythonException;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GetOptions;
import io.celerykit.result.Outcome;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskState;
import io.celerykit.result.WouldBlockForeverException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.ThrowableAssert;
import org.assertj.core.error.ShouldNotBeNull;

/**
 * Checks a task's result: an {@link AsyncResult} or an {@link io.celerykit.result.EagerResult}.
 * Obtain one with {@link CeleryAssertions#assertThat(AsyncResult)}.
 *
 * <p>The checks read the result's current state, as stored now, and never wait. Only {@link
 * #succeedsWithin(Duration)} and {@link #failsWithin(Duration)} wait; in deterministic mode they
 * drive the app's worker on its virtual clock, so nothing sleeps. Failure messages show the result,
 * the expectation, what was found, and the result tree drawn as it is now.
 *
 * <p>Navigation methods ({@link #child(int)}, {@link #value()}, {@link #failedWith(Class)}, {@link
 * #succeedsWithin(Duration)}, {@link #failsWithin(Duration)}) return an assert on an inner value.
 * In {@link CelerySoftAssertions} those asserts are soft too; when a navigation finds nothing to
 * navigate to, its error is collected and the returned assert is on {@code null} (or, for {@code
 * failedWith}, on whatever the task stored), so the chained checks report as well.
 *
 * @param <T> the type of the task's return value
 */
public class AsyncResultAssert<T> extends AbstractAssert<AsyncResultAssert<T>, AsyncResult<T>> {

  /** The soft assertions this assert belongs to, or null; navigated asserts join them. */
  SoftAssertionsProvider softly;

  /**
   * Creates an assert on a result; prefer {@link CeleryAssertions#assertThat(AsyncResult)}.
   *
   * @param actual the result, may be null (every check then fails)
   */
  public AsyncResultAssert(AsyncResult<T> actual) {
    super(actual, AsyncResultAssert.class);
  }

  // ---------------------------------------------------------------- states

  /**
   * Verifies that the task is PENDING (unknown to the backend, or waiting in the queue).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> isPending() {
    return hasState(TaskState.PENDING);
  }

  /**
   * Verifies that the task is STARTED (running; stored with {@code task_track_started}).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> isStarted() {
    return hasState(TaskState.STARTED);
  }

  /**
   * Verifies that the task is in RETRY (waiting to be retried).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> isRetrying() {
    return hasState(TaskState.RETRY);
  }

  /**
   * Verifies that the task succeeded (state SUCCESS).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> isSuccessful() {
    return hasState(TaskState.SUCCESS);
  }

  /**
   * Verifies that the task failed (state FAILURE). See {@link #failedWith(Class)} to check the
   * exception as well.
   *
   * @return this assert
   */
  public AsyncResultAssert<T> hasFailed() {
    return hasState(TaskState.FAILURE);
  }

  /**
   * Verifies that the task was revoked (state REVOKED).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> isRevoked() {
    return hasState(TaskState.REVOKED);
  }

  /**
   * Verifies that the task is in the given state, a built-in or a custom one.
   *
   * @param expected the state
   * @return this assert
   */
  public AsyncResultAssert<T> hasState(TaskState expected) {
    Objects.requireNonNull(expected, "expected state");
    isNotNull();
    if (!actual.state().equals(expected)) {
      throwAssertionError(ResultMessages.shouldHaveState(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that the task is in the state with this name, such as {@code "PROGRESS"}.
   *
   * @param expected the state name
   * @return this assert
   */
  public AsyncResultAssert<T> hasState(String expected) {
    return hasState(TaskState.of(expected));
  }

  /**
   * Verifies that the task is ready: it has executed, in state SUCCESS, FAILURE or REVOKED.
   *
   * @return this assert
   */
  public AsyncResultAssert<T> isReady() {
    isNotNull();
    if (!actual.ready()) {
      throwAssertionError(ResultMessages.shouldBeReady(actual));
    }
    return myself;
  }

  /**
   * Verifies that the task is not ready yet (pending, started, retrying, or a custom state).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> isNotReady() {
    isNotNull();
    if (actual.ready()) {
      throwAssertionError(ResultMessages.shouldNotBeReady(actual));
    }
    return myself;
  }

  // ---------------------------------------------------------------- stored value

  /**
   * Verifies that the task stores this result ({@code result.result}): the return value, the
   * exception of a failure, or the meta of a custom state. Arrays compare by content.
   *
   * @param expected the expected stored result
   * @return this assert
   */
  public AsyncResultAssert<T> hasResult(Object expected) {
    isNotNull();
    Object stored = actual.result();
    if (!Objects.deepEquals(stored, expected)) {
      throwAssertionError(ResultMessages.shouldHaveResult(actual, stored, expected));
    }
    return myself;
  }

  /**
   * Verifies that the stored result satisfies the requirements, given as assertions.
   *
   * <pre>{@code
   * assertThat(result).hasResultSatisfying(v -> assertThat((Integer) v).isPositive());
   * }</pre>
   *
   * @param requirements assertions on the stored result
   * @return this assert
   */
  public AsyncResultAssert<T> hasResultSatisfying(Consumer<Object> requirements) {
    Objects.requireNonNull(requirements, "requirements");
    isNotNull();
    Object stored = actual.result();
    try {
      requirements.accept(stored);
    } catch (AssertionError error) {
      throwAssertionError(ResultMessages.shouldHaveResultSatisfying(actual, stored, error));
    }
    return myself;
  }

  /**
   * Verifies that the task was retried this many times ({@code retries}, which Celery stores with
   * {@code result_extended}).
   *
   * @param expected the retry count
   * @return this assert
   */
  public AsyncResultAssert<T> hasRetries(int expected) {
    isNotNull();
    Integer retries = actual.retries();
    if (retries == null) {
      throwAssertionError(ResultMessages.shouldHaveRetriesStored(actual, expected));
    } else if (retries != expected) {
      throwAssertionError(ResultMessages.shouldHaveRetries(actual, expected, retries));
    }
    return myself;
  }

  /**
   * Verifies that the task stores a traceback (it failed, or asked to be retried).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> hasTraceback() {
    isNotNull();
    String traceback = actual.traceback();
    if (traceback == null || traceback.isBlank()) {
      throwAssertionError(ResultMessages.shouldHaveTraceback(actual));
    }
    return myself;
  }

  /**
   * Verifies that the task's traceback contains the text.
   *
   * @param text the text to find
   * @return this assert
   */
  public AsyncResultAssert<T> hasTracebackContaining(String text) {
    Objects.requireNonNull(text, "text");
    isNotNull();
    String traceback = actual.traceback();
    if (traceback == null || traceback.isBlank()) {
      throwAssertionError(ResultMessages.shouldHaveTracebackContaining(actual, text));
    } else if (!traceback.contains(text)) {
      throwAssertionError(ResultMessages.shouldHaveTracebackContaining(actual, text, traceback));
    }
    return myself;
  }

  // ---------------------------------------------------------------- tree

  /**
   * Verifies that the result has a parent (it is a later step of a chain).
   *
   * @return this assert
   */
  public AsyncResultAssert<T> hasParent() {
    isNotNull();
    if (actual.parent() == null) {
      throwAssertionError(ResultMessages.shouldHaveParent(actual));
    }
    return myself;
  }

  /**
   * Verifies that the result's parent has this task (or group) id.
   *
   * @param id the parent's id
   * @return this assert
   */
  public AsyncResultAssert<T> hasParent(String id) {
    Objects.requireNonNull(id, "parent id");
    isNotNull();
    ResultBase parent = actual.parent();
    if (parent == null) {
      throwAssertionError(ResultMessages.shouldHaveParent(actual, id));
    } else if (!id.equals(Describe.id(parent))) {
      throwAssertionError(ResultMessages.shouldHaveParent(actual, id, parent));
    }
    return myself;
  }

  /**
   * Verifies that the result has no parent.
   *
   * @return this assert
   */
  public AsyncResultAssert<T> hasNoParent() {
    isNotNull();
    ResultBase parent = actual.parent();
    if (parent != null) {
      throwAssertionError(ResultMessages.shouldHaveNoParent(actual, parent));
    }
    return myself;
  }

  /**
   * Verifies that the task has this many children (results of the tasks it called, stored when the
   * task is {@code trail}, the default).
   *
   * @param count the number of children
   * @return this assert
   */
  public AsyncResultAssert<T> hasChildren(int count) {
    isNotNull();
    List<ResultBase> children = actual.children();
    if (children.size() != count) {
      throwAssertionError(
          ResultMessages.shouldHaveChildCount(actual, count, Describe.ids(children)));
    }
    return myself;
  }

  /**
   * Verifies that the task's children have exactly these ids (task or group ids), in this order,
   * the order in which the task called them.
   *
   * @param ids the children's ids
   * @return this assert
   */
  public AsyncResultAssert<T> hasChildren(String... ids) {
    Objects.requireNonNull(ids, "ids");
    isNotNull();
    List<String> expected = Arrays.asList(ids);
    List<String> childIds = Describe.ids(actual.children());
    if (!childIds.equals(expected)) {
      throwAssertionError(ResultMessages.shouldHaveChildren(actual, expected, childIds));
    }
    return myself;
  }

  // ---------------------------------------------------------------- navigation

  /**
   * Returns an assert on the child at an index (the results of the tasks this task called, in call
   * order). Fails when there is no such child or it is a group.
   *
   * @param index the child's index, from 0
   * @return an assert on the child
   */
  public final AsyncResultAssert<Object> child(int index) {
    AsyncResult<T> result = requireActual();
    if (result == null) {
      return Navigation.result(softly, null, description("child " + index));
    }
    List<ResultBase> children = result.children();
    AsyncResult<Object> child = null;
    if (index < 0 || index >= children.size()) {
      Navigation.failed(
          softly,
          assertionError(ResultMessages.shouldHaveChildAt(result, index, Describe.ids(children))));
    } else if (children.get(index) instanceof AsyncResult<?> task) {
      child = widen(task);
    } else {
      Navigation.failed(
          softly,
          assertionError(ResultMessages.shouldHaveTaskChildAt(result, index, children.get(index))));
    }
    return Navigation.result(
        softly, child, description("child " + index + " of result " + result.id()));
  }

  /**
   * Returns an assert on the stored result as it is now ({@code result.result}): the value, the
   * exception of a failure, the meta of a custom state, or null while pending.
   *
   * @return an assert on the stored result
   */
  public final ObjectAssert<Object> value() {
    AsyncResult<T> result = requireActual();
    if (result == null) {
      return Navigation.object(softly, null, description("value"));
    }
    return Navigation.object(
        softly, result.result(), description("value of result " + result.id()));
  }

  /**
   * Verifies that the task failed with an exception of this type (or a subtype) and returns an
   * assert on that exception, for its message and cause. A Java exception stored under the JSON
   * result serializer (the default) comes back as the {@link
   * io.celerykit.result.RemoteTaskException} a client reads; it counts as its Java type (see {@link
   * io.celerykit.app.PythonException#is}), and its message is Python's last traceback line, {@code
   * java.lang.IllegalStateException: boom}.
   *
   * <pre>{@code
   * assertThat(result).failedWith(IllegalStateException.class).hasMessageEndingWith("boom");
   * assertThat(result).failedWith(RemoteTaskException.class).hasMessage("ValueError: bad invoice");
   * }</pre>
   *
   * @param type the exception type
   * @return an assert on the stored exception
   */
  public final ThrowableAssert<Throwable> failedWith(Class<? extends Throwable> type) {
    Objects.requireNonNull(type, "exception type");
    AsyncResult<T> result = requireActual();
    if (result == null) {
      return Navigation.throwable(softly, null, description("exception"));
    }
    TaskState state = result.state();
    Object stored = result.result();
    if (!state.equals(TaskState.FAILURE)) {
      Navigation.failed(softly, assertionError(ResultMessages.shouldHaveFailed(result, type)));
    } else if (!(stored instanceof Throwable error && PythonException.is(error, type))) {
      Navigation.failed(
          softly, assertionError(ResultMessages.shouldHaveFailedWith(result, type, stored)));
    }
    return Navigation.throwable(
        softly,
        stored instanceof Throwable error ? error : null,
        description("exception of result " + result.id()));
  }

  /**
   * Waits at most {@code timeout} for the task like {@link AsyncResult#get(Duration)} and returns
   * an assert on its value. Fails when the task is not ready in time, or when waiting raises (the
   * task, or a parent, failed or was revoked). In deterministic mode the wait drives the worker on
   * the virtual clock, so it takes no real time.
   *
   * @param timeout how long to wait
   * @return an assert on the value
   */
  public final ObjectAssert<T> succeedsWithin(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    AsyncResult<T> result = requireActual();
    if (result == null) {
      return Navigation.object(softly, null, description("value"));
    }
    T value = null;
    try {
      value = result.get(timeout);
    } catch (ResultTimeoutException | WouldBlockForeverException notReady) {
      Navigation.failed(
          softly,
          Navigation.withCause(
              assertionError(ResultMessages.shouldSucceedWithinButTimedOut(result, timeout)),
              notReady));
    } catch (RuntimeException | Error raised) {
      Navigation.failed(
          softly,
          Navigation.withCause(
              assertionError(ResultMessages.shouldSucceedWithinButFailed(result, timeout, raised)),
              raised));
    }
    return Navigation.object(softly, value, description("value of result " + result.id()));
  }

  /**
   * Waits at most {@code timeout} for the task to be ready and verifies that it failed or was
   * revoked; returns an assert on the stored exception (what {@code get()} re-raises). Fails when
   * the task is not ready in time or succeeds. Parents are not consulted.
   *
   * @param timeout how long to wait
   * @return an assert on the stored exception
   */
  public final ThrowableAssert<Throwable> failsWithin(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    AsyncResult<T> result = requireActual();
    if (result == null) {
      return Navigation.throwable(softly, null, description("exception"));
    }
    Throwable error = null;
    try {
      Outcome<T> outcome = result.outcome(GetOptions.defaults().timeout(timeout));
      if (outcome instanceof Outcome.Failure<T> failure) {
        error = failure.error();
      } else {
        Navigation.failed(
            softly,
            assertionError(
                ResultMessages.shouldFailWithinButSucceeded(result, timeout, outcome.value())));
      }
    } catch (ResultTimeoutException | WouldBlockForeverException notReady) {
      Navigation.failed(
          softly,
          Navigation.withCause(
              assertionError(ResultMessages.shouldFailWithinButTimedOut(result, timeout)),
              notReady));
    }
    return Navigation.throwable(softly, error, description("exception of result " + result.id()));
  }

  // ---------------------------------------------------------------- helpers

  /** The actual result, or null after reporting that it is null (in soft assertions). */
  private AsyncResult<T> requireActual() {
    if (actual == null) {
      Navigation.failed(softly, assertionError(ShouldNotBeNull.shouldNotBeNull()));
    }
    return actual;
  }

  private String description(String what) {
    return Navigation.description(this, what);
  }

  @SuppressWarnings("unchecked")
  private static AsyncResult<Object> widen(AsyncResult<?> result) {
    return (AsyncResult<Object>) result;
  }
}
