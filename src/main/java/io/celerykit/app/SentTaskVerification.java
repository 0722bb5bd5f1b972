package io.celerykit.app;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One verification of sent tasks under way: narrow it with {@code withArgs}, {@code withKwargs},
 * {@code withOptions} and {@code matching}, then finish it with a count ({@link #once()}, {@link
 * #times(int)}, {@link #never()}, {@link #atLeast(int)}, {@link #atMost(int)}, {@link
 * #atLeastOnce()}), which checks the sends at that moment and throws {@link
 * TaskVerificationException} with a near-miss report when the count is not met. Obtain one from
 * {@link CeleryVerification#sent(String)}.
 *
 * <pre>{@code
 * app.verify().sent("invoices.render").withArgs("INV-1").withOptions(o -> o.queue("pdf")).once();
 * }</pre>
 */
public final class SentTaskVerification {
  private final InMemoryCelery app;
  private final SentTaskPattern pattern;

  SentTaskVerification(InMemoryCelery app, SentTaskPattern pattern) {
    this.app = app;
    this.pattern = pattern;
  }

  /**
   * Expects exactly these positional arguments, values or {@link CeleryMatchers} matchers.
   *
   * @param expected the arguments
   * @return the narrowed verification
   */
  public SentTaskVerification withArgs(Object... expected) {
    return new SentTaskVerification(app, pattern.withArgs(expected));
  }

  /**
   * Expects exactly these keyword arguments.
   *
   * @param expected the keyword arguments
   * @return the narrowed verification
   */
  public SentTaskVerification withKwargs(Map<String, ?> expected) {
    return new SentTaskVerification(app, pattern.withKwargs(expected));
  }

  /**
   * Expects the options that {@code expected} sets, a partial match (see {@link
   * SentTaskPattern#withOptions}).
   *
   * @param expected sets the expected options, e.g. {@code o -> o.queue("pdf")}
   * @return the narrowed verification
   */
  public SentTaskVerification withOptions(UnaryOperator<ApplyOptions> expected) {
    return new SentTaskVerification(app, pattern.withOptions(expected));
  }

  /**
   * Adds a condition on the whole send.
   *
   * @param description what it says, for the report
   * @param condition the condition
   * @return the narrowed verification
   */
  public SentTaskVerification matching(String description, Predicate<? super SentTask> condition) {
    return new SentTaskVerification(app, pattern.matching(description, condition));
  }

  /**
   * Verifies that exactly {@code count} matching tasks were sent.
   *
   * @param count the count
   * @return the matching sends
   * @throws TaskVerificationException when the count differs
   */
  public List<SentTask> times(int count) {
    return check(Times.exactly(count));
  }

  /**
   * Verifies that exactly one matching task was sent.
   *
   * @return the matching send
   * @throws TaskVerificationException when the count differs
   */
  public SentTask once() {
    return check(Times.exactly(1)).get(0);
  }

  /**
   * Verifies that no matching task was sent.
   *
   * @throws TaskVerificationException when one was
   */
  public void never() {
    check(Times.never());
  }

  /**
   * Verifies that at least {@code count} matching tasks were sent.
   *
   * @param count the least count
   * @return the matching sends
   * @throws TaskVerificationException when fewer were
   */
  public List<SentTask> atLeast(int count) {
    return check(Times.atLeast(count));
  }

  /**
   * Verifies that at least one matching task was sent.
   *
   * @return the matching sends
   * @throws TaskVerificationException when none was
   */
  public List<SentTask> atLeastOnce() {
    return check(Times.atLeast(1));
  }

  /**
   * Verifies that at most {@code count} matching tasks were sent.
   *
   * @param count the most
   * @return the matching sends
   * @throws TaskVerificationException when more were
   */
  public List<SentTask> atMost(int count) {
    return check(Times.atMost(count));
  }

  /**
   * Verifies the count of matching sends.
   *
   * @param times the expected count
   * @return the matching sends
   * @throws TaskVerificationException when the count is not met
   */
  public List<SentTask> check(Times times) {
    SentTasks sent = app.sentTasks();
    VerificationReport.countFailure(sent, pattern, times)
        .ifPresent(
            report -> {
              throw new TaskVerificationException(report);
            });
    return sent.matching(pattern);
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
