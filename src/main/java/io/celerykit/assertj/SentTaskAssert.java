package io.celerykit.assertj;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.SentTask;
import io.celerykit.app.SentTaskPattern;
import io.celerykit.app.Times;
import io.celerykit.app.VerificationReport;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One verification of sent tasks under way: narrow it with {@code withArgs}, {@code withKwargs},
 * {@code withOptions} and {@code matching}, then finish it with a count ({@link #once()}, {@link
 * #times(int)}, {@link #never()}, {@link #atLeast(int)}, {@link #atMost(int)}, {@link
 * #atLeastOnce()}); the count returns the assert on the sent tasks, to verify more. Obtain one from
 * {@link SentTasksAssert#sent(String)}.
 *
 * <pre>{@code
 * assertThat(app).sent("invoices.render").withArgs(any(), eq(3)).withOptions(o -> o.queue("pdf")).once();
 * }</pre>
 */
public final class SentTaskAssert {
  private final SentTasksAssert parent;
  private final SentTaskPattern pattern;

  SentTaskAssert(SentTasksAssert parent, SentTaskPattern pattern) {
    this.parent = parent;
    this.pattern = pattern;
  }

  /**
   * Expects exactly these positional arguments: values, or matchers of {@link
   * io.celerykit.app.CeleryMatchers} ({@code any()}, {@code eq(v)}, {@code argThat(...)}).
   *
   * @param expected the arguments
   * @return the narrowed verification
   */
  public SentTaskAssert withArgs(Object... expected) {
    return new SentTaskAssert(parent, pattern.withArgs(expected));
  }

  /**
   * Expects exactly these keyword arguments.
   *
   * @param expected the keyword arguments
   * @return the narrowed verification
   */
  public SentTaskAssert withKwargs(Map<String, ?> expected) {
    return new SentTaskAssert(parent, pattern.withKwargs(expected));
  }

  /**
   * Expects the {@code apply_async} options that {@code expected} sets, a partial match (see {@link
   * SentTaskPattern#withOptions}).
   *
   * @param expected sets the expected options, e.g. {@code o -> o.queue("pdf")}
   * @return the narrowed verification
   */
  public SentTaskAssert withOptions(UnaryOperator<ApplyOptions> expected) {
    return new SentTaskAssert(parent, pattern.withOptions(expected));
  }

  /**
   * Adds a condition on the whole send (id, parent, group, time ...).
   *
   * @param description what it says, for the report
   * @param condition the condition
   * @return the narrowed verification
   */
  public SentTaskAssert matching(String description, Predicate<? super SentTask> condition) {
    return new SentTaskAssert(parent, pattern.matching(description, condition));
  }

  /**
   * Verifies that exactly one matching task was sent.
   *
   * @return the assert on the sent tasks
   */
  public SentTasksAssert once() {
    return check(Times.exactly(1));
  }

  /**
   * Verifies that exactly {@code count} matching tasks were sent.
   *
   * @param count the count
   * @return the assert on the sent tasks
   */
  public SentTasksAssert times(int count) {
    return check(Times.exactly(count));
  }

  /**
   * Verifies that no matching task was sent.
   *
   * @return the assert on the sent tasks
   */
  public SentTasksAssert never() {
    return check(Times.never());
  }

  /**
   * Verifies that at least {@code count} matching tasks were sent.
   *
   * @param count the least count
   * @return the assert on the sent tasks
   */
  public SentTasksAssert atLeast(int count) {
    return check(Times.atLeast(count));
  }

  /**
   * Verifies that at least one matching task was sent.
   *
   * @return the assert on the sent tasks
   */
  public SentTasksAssert atLeastOnce() {
    return check(Times.atLeast(1));
  }

  /**
   * Verifies that at most {@code count} matching tasks were sent.
   *
   * @param count the most
   * @return the assert on the sent tasks
   */
  public SentTasksAssert atMost(int count) {
    return check(Times.atMost(count));
  }

  private SentTasksAssert check(Times times) {
    parent.isNotNull();
    VerificationReport.countFailure(parent.sentTasks(), pattern, times)
        .ifPresent(parent::countFailed);
    return parent;
  }

  /**
   * Describes what is verified.
   *
   * @return the pattern's text
   */
  @Override
  public String toString() {
    return pattern.describe();
  }
}
