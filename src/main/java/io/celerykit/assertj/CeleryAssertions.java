package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import org.assertj.core.api.Assertions;

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
