package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.PythonException;
import io.celerykit.app.SentTasks;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.Condition;

/**
 * Starts celerykit's AssertJ assertions on results, result sets, result trees, task states and the
 * event journal.
 *
 * <p>It extends AssertJ's {@link Assertions}, as AssertJ advises for custom entry points, so one
 * static import serves both: {@code import static io.celerykit.assertj.CeleryAssertions.*;} brings
 * AssertJ's own {@code assertThat}, {@code assertThatThrownBy}, ... beside celerykit's. The
 * overloads here take celerykit's types, which are more specific than AssertJ's {@code Object},
 * {@code Iterable}, {@code Future} and {@code Comparable} overloads, so Java picks them for
 * results, sets and states. Whole trees use a separate name, {@link #assertThatTree(ResultBase)},
 * since any result is also a tree root.
 *
 * <pre>{@code
 * import static io.celerykit.assertj.CeleryAssertions.*;
 *
 * AsyncResult<Integer> sum = add.delay(2, 3);
 * assertThat(sum).isPending();
 * assertThat(sum).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(5);
 * assertThat(sum).isSuccessful().hasResult(5);
 * assertThat(app.journal()).containsSequence(sum.id(), "task-started", "task-succeeded");
 * assertThatTree(root).allNodesAreSuccessful().hasDepth(2);
 * }</pre>
 *
 * <p>For soft assertions use {@link CelerySoftAssertions}.
 */
public class CeleryAssertions extends Assertions {

  /** For entry points that extend this one, as AssertJ's own {@link Assertions} allows. */
  protected CeleryAssertions() {}

  /**
   * Creates an assert on a task's result, an {@link AsyncResult} or an {@link
   * io.celerykit.result.EagerResult}. Its checks read the current state without waiting.
   *
   * @param <T> the type of the task's value
   * @param actual the result
   * @return the assert
   */
  public static <T> AsyncResultAssert<T> assertThat(AsyncResult<T> actual) {
    return new AsyncResultAssert<>(actual);
  }

  /**
   * Creates an assert on a {@link ResultSet} or a {@link io.celerykit.result.GroupResult}.
   *
   * @param actual the set
   * @return the assert
   */
  public static ResultSetAssert assertThat(ResultSet actual) {
    return new ResultSetAssert(actual);
  }

  /**
   * Creates an assert on a task state.
   *
   * @param actual the state
   * @return the assert
   */
  public static TaskStateAssert assertThat(TaskState actual) {
    return new TaskStateAssert(actual);
  }

  /**
   * Creates an assert on an app's event journal.
   *
   * @param actual the journal, e.g. {@code app.journal()}
   * @return the assert
   */
  public static EventJournalAssert assertThat(EventJournal actual) {
    return new EventJournalAssert(actual);
  }

  /**
   * Creates an assert on what an app sent, for verifying the code under test: {@code
   * assertThat(app).sent("invoices.render").withArgs("INV-1").once()}. A failed verification lists
   * what was sent, closest first.
   *
   * @param app the app
   * @return the assert on its sent tasks, read now
   */
  public static SentTasksAssert assertThat(InMemoryCelery app) {
    return new SentTasksAssert(app == null ? null : app.sentTasks());
  }

  /**
   * Creates an assert on sent tasks, e.g. {@code app.sentTasks()}.
   *
   * @param actual the sent tasks
   * @return the assert
   */
  public static SentTasksAssert assertThat(SentTasks actual) {
    return new SentTasksAssert(actual);
  }

  /**
   * Matches a failure (a thrown or a stored exception) that stands for a Java exception type: an
   * instance of it, or the {@link io.celerykit.result.RemoteTaskException} that such an exception
   * becomes once stored under the JSON result serializer ({@code excType} its simple name, {@code
   * excModule} its package), see {@link PythonException#is(Throwable, Class)}.
   *
   * <pre>{@code
   * assertThatThrownBy(result::get).is(raisedAs(IllegalStateException.class)).hasMessageEndingWith("boom");
   * }</pre>
   *
   * @param type the Java exception type
   * @return the condition
   */
  public static Condition<Object> raisedAs(Class<? extends Throwable> type) {
    java.util.Objects.requireNonNull(type, "exception type");
    return new Condition<>(
        value -> value instanceof Throwable error && PythonException.is(error, type),
        "%s, or the RemoteTaskException it is stored as under JSON",
        type.getName());
  }

  /**
   * Creates an assert on the whole result tree under a root: the root, the results of the tasks it
   * called, theirs, and so on.
   *
   * @param root the root, a task result or a set
   * @return the assert
   */
  public static ResultTreeAssert assertThatTree(ResultBase root) {
    return new ResultTreeAssert(root);
  }
}
