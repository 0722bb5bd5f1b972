package io.celerykit.assertj;

import io.celerykit.app.EventJournal;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.SentTasks;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultSet;
import io.celerykit.result.TaskState;
import org.assertj.core.api.SoftAssertions;

/**
 * Collects failed checks on celerykit's types as AssertJ's {@link SoftAssertions} does on its own:
 * every failed check is kept and {@link #assertAll()} reports them together. All of AssertJ's soft
 * {@code assertThat} overloads remain available.
 *
 * <pre>{@code
 * CelerySoftAssertions softly = new CelerySoftAssertions();
 * softly.assertThat(result).isSuccessful().hasResult(5);
 * softly.assertThat(app.journal()).hasNoEventOfType("task-failed");
 * softly.assertAll();
 *
 * SoftAssertionsProvider.assertSoftly(
 *     CelerySoftAssertions.class, s -> s.assertThat(group).allSuccessful());
 * }</pre>
 *
 * <p>Asserts reached by navigation ({@code child}, {@code member}, {@code node}, {@code value},
 * {@code failedWith}, {@code succeedsWithin}, {@code failsWithin}, {@code joinedValues}, {@code
 * collectedValues}, {@code leaves}) are soft as well. When a navigation finds nothing to navigate
 * to, its error is collected and the checks chained after it run on null (or on the exception the
 * task stored, for {@code failedWith}), so they report rather than stop the test.
 *
 * <p>AssertJ makes soft asserts by subclassing them at run time. On the class path that needs
 * nothing; on the module path AssertJ 3.25 also needs {@code --add-reads
 * org.assertj.core=io.celerykit} and {@code --add-exports
 * org.assertj.core/org.assertj.core.api.recursive.assertion=io.celerykit} (celerykit opens this
 * package to AssertJ itself).
 */
public class CelerySoftAssertions extends SoftAssertions {

  /** Creates soft assertions with no errors collected yet. */
  public CelerySoftAssertions() {
    super();
  }

  /**
   * Creates a soft assert on a task's result, an {@link AsyncResult} or an {@link
   * io.celerykit.result.EagerResult}.
   *
   * @param <T> the type of the task's value
   * @param actual the result
   * @return the soft assert
   */
  public <T> AsyncResultAssert<T> assertThat(AsyncResult<T> actual) {
    return Navigation.result(this, actual, null);
  }

  /**
   * Creates a soft assert on a {@link ResultSet} or a {@link io.celerykit.result.GroupResult}.
   *
   * @param actual the set
   * @return the soft assert
   */
  public ResultSetAssert assertThat(ResultSet actual) {
    return Navigation.set(this, actual);
  }

  /**
   * Creates a soft assert on a task state.
   *
   * @param actual the state
   * @return the soft assert
   */
  public TaskStateAssert assertThat(TaskState actual) {
    return Navigation.state(this, actual);
  }

  /**
   * Creates a soft assert on an app's event journal.
   *
   * @param actual the journal
   * @return the soft assert
   */
  public EventJournalAssert assertThat(EventJournal actual) {
    return Navigation.journal(this, actual);
  }

  /**
   * Creates a soft assert on what an app sent.
   *
   * @param app the app
   * @return the soft assert on its sent tasks, read now
   */
  public SentTasksAssert assertThat(InMemoryCelery app) {
    return Navigation.sentTasks(this, app == null ? null : app.sentTasks());
  }

  /**
   * Creates a soft assert on sent tasks.
   *
   * @param actual the sent tasks
   * @return the soft assert
   */
  public SentTasksAssert assertThat(SentTasks actual) {
    return Navigation.sentTasks(this, actual);
  }

  /**
   * Creates a soft assert on the whole result tree under a root.
   *
   * @param root the root, a task result or a set
   * @return the soft assert
   */
  public ResultTreeAssert assertThatTree(ResultBase root) {
    return Navigation.tree(this, root);
  }
}
