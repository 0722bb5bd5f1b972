package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import io.celerykit.app.SentTasks;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import java.util.List;
import java.util.function.Function;
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

  /** A plain assert on the value, or, in soft assertions, a soft proxy of the same assert class. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <A, V> A create(
      SoftAssertionsProvider softly,
      Class<? super A> assertType,
      Class<?> actualType,
      V actual,
      Function<V, A> plain) {
    return softly == null
        ? plain.apply(actual)
        : (A) softly.proxy((Class) assertType, (Class) actualType, actual);
  }

  static <T> AsyncResultAssert<T> result(
      SoftAssertionsProvider softly, AsyncResult<T> actual, String description) {
    AsyncResultAssert<T> out =
        create(
            softly,
            AsyncResultAssert.class,
            AsyncResult.class,
            actual,
            v -> new AsyncResultAssert<>(v));
    out.softly = softly;
    return describe(out, description);
  }

  static ResultSetAssert set(SoftAssertionsProvider softly, ResultSet actual) {
    ResultSetAssert out =
        create(softly, ResultSetAssert.class, ResultSet.class, actual, ResultSetAssert::new);
    out.softly = softly;
    return out;
  }

  static ResultTreeAssert tree(SoftAssertionsProvider softly, ResultBase root) {
    ResultTreeAssert out =
        create(softly, ResultTreeAssert.class, ResultBase.class, root, ResultTreeAssert::new);
    out.softly = softly;
    return out;
  }

  static TaskStateAssert state(SoftAssertionsProvider softly, TaskState actual) {
    return create(softly, TaskStateAssert.class, TaskState.class, actual, TaskStateAssert::new);
  }

  static EventJournalAssert journal(SoftAssertionsProvider softly, EventJournal actual) {
    return create(
        softly, EventJournalAssert.class, EventJournal.class, actual, EventJournalAssert::new);
  }

  static SentTasksAssert sentTasks(SoftAssertionsProvider softly, SentTasks actual) {
    SentTasksAssert out =
        create(softly, SentTasksAssert.class, SentTasks.class, actual, SentTasksAssert::new);
    out.softly = softly;
    return out;
  }

  static <T> ObjectAssert<T> object(SoftAssertionsProvider softly, T value, String description) {
    ObjectAssert<T> out =
        create(softly, ObjectAssert.class, Object.class, value, v -> new ObjectAssert<>(v));
    return describe(out, description);
  }

  static <E> ListAssert<E> list(
      SoftAssertionsProvider softly, List<? extends E> values, String description) {
    ListAssert<E> out =
        create(softly, ListAssert.class, List.class, values, v -> new ListAssert<>(v));
    return describe(out, description);
  }

  static ThrowableAssert<Throwable> throwable(
      SoftAssertionsProvider softly, Throwable error, String description) {
    ThrowableAssert<Throwable> out =
        create(
            softly, ThrowableAssert.class, Throwable.class, error, v -> new ThrowableAssert<>(v));
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
