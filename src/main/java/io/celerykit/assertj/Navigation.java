package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import io.celerykit.app.SentTasks;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.ThrowableAssert;

/**
 * Creates the asserts that navigation methods return: plain ones, or, when the navigating assert
 * belongs to soft assertions, soft proxies that collect their errors in the same place.
 */
final class Navigation {

  private Navigation() {}

  @SuppressWarnings("unchecked")
  static <T> AsyncResultAssert<T> result(
      SoftAssertionsProvider softly, AsyncResult<T> actual, String description) {
    AsyncResultAssert<T> out =
        softly == null
            ? new AsyncResultAssert<>(actual)
            : softly.proxy(AsyncResultAssert.class, AsyncResult.class, actual);
    out.softly = softly;
    return describe(out, description);
  }

  static ResultSetAssert set(SoftAssertionsProvider softly, ResultSet actual) {
    ResultSetAssert out =
        softly == null
            ? new ResultSetAssert(actual)
            : softly.proxy(ResultSetAssert.class, ResultSet.class, actual);
    out.softly = softly;
    return out;
  }

  static ResultTreeAssert tree(SoftAssertionsProvider softly, ResultBase root) {
    ResultTreeAssert out =
        softly == null
            ? new ResultTreeAssert(root)
            : softly.proxy(ResultTreeAssert.class, ResultBase.class, root);
    out.softly = softly;
    return out;
  }

  static TaskStateAssert state(SoftAssertionsProvider softly, TaskState actual) {
    return softly == null
        ? new TaskStateAssert(actual)
        : softly.proxy(TaskStateAssert.class, TaskState.class, actual);
  }

  static EventJournalAssert journal(SoftAssertionsProvider softly, EventJournal actual) {
    return softly == null
        ? new EventJournalAssert(actual)
        : softly.proxy(EventJournalAssert.class, EventJournal.class, actual);
  }

  static SentTasksAssert sentTasks(SoftAssertionsProvider softly, SentTasks actual) {
    SentTasksAssert out =
        softly == null
            ? new SentTasksAssert(actual)
            : softly.proxy(SentTasksAssert.class, SentTasks.class, actual);
    out.softly = softly;
    return out;
  }

  @SuppressWarnings("unchecked")
  static <T> ObjectAssert<T> object(SoftAssertionsProvider softly, T value, String description) {
    ObjectAssert<T> out =
        softly == null
            ? new ObjectAssert<>(value)
            : softly.proxy(ObjectAssert.class, Object.class, value);
    return describe(out, description);
  }

  @SuppressWarnings("unchecked")
  static <E> ListAssert<E> list(
      SoftAssertionsProvider softly, List<? extends E> values, String description) {
    ListAssert<E> out =
        softly == null
            ? new ListAssert<>(values)
            : softly.proxy(ListAssert.class, List.class, values);
    return describe(out, description);
  }

  @SuppressWarnings("unchecked")
  static ThrowableAssert<Throwable> throwable(
      SoftAssertionsProvider softly, Throwable error, String description) {
    ThrowableAssert<Throwable> out =
        softly == null
            ? new ThrowableAssert<>(error)
            : softly.proxy(ThrowableAssert.class, Throwable.class, error);
    return describe(out, description);
  }

  /**
   * Handles a navigation that found nothing to navigate to: throws the error, or, in soft
   * assertions, records it and lets the caller hand back an assert on null whose checks then report
   * too.
   */
  static void failed(SoftAssertionsProvider softly, AssertionError error) {
    if (softly == null) {
      throw error;
    }
    softly.collectAssertionError(error);
  }

  /** Attaches what was raised while waiting to the assertion error. */
  static AssertionError withCause(AssertionError error, Throwable cause) {
    try {
      error.initCause(cause);
    } catch (IllegalStateException | IllegalArgumentException alreadySet) {
      error.addSuppressed(cause);
    }
    return error;
  }

  /** The description of a navigated assert: the navigating one's, then what was navigated to. */
  static String description(AbstractAssert<?, ?> from, String what) {
    String own = from.descriptionText();
    return own == null || own.isEmpty() ? what : own + " > " + what;
  }

  private static <A extends AbstractAssert<?, ?>> A describe(A target, String description) {
    if (description != null) {
      target.describedAs(new org.assertj.core.description.TextDescription(description));
    }
    return target;
  }
}
