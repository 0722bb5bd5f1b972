package io.celerykit.assertj;

import io.celerykit.app.CeleryMatchers;
import io.celerykit.app.SentTaskPattern;
import io.celerykit.app.SentTasks;
import io.celerykit.app.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Verifies what an app sent: how many sends match a pattern, and in which order tasks were sent.
 * Obtain one with {@link CeleryAssertions#assertThat(io.celerykit.app.InMemoryCelery)} or {@link
 * CeleryAssertions#assertThat(SentTasks)}. Failure messages list what was sent, closest first: the
 * same task name with other arguments, a name a typo away, the same arguments under another name.
 *
 * <pre>{@code
 * assertThat(app).sent("invoices.render").withArgs("INV-1").times(3);
 * assertThat(app).sent("invoices.render").withOptions(o -> o.queue("pdf")).once()
 *     .sent("invoices.delete").never();
 * assertThat(app).sentInOrder("invoices.render", "invoices.mail");
 * }</pre>
 */
public class SentTasksAssert extends AbstractAssert<SentTasksAssert, SentTasks> {

  /** The soft assertions this assert belongs to, or null. */
  SoftAssertionsProvider softly;

  /**
   * Creates an assert on sent tasks; prefer {@link CeleryAssertions#assertThat(SentTasks)}.
   *
   * @param actual the sent tasks, may be null (every check then fails)
   */
  public SentTasksAssert(SentTasks actual) {
    super(actual, SentTasksAssert.class);
  }

  /**
   * Starts verifying the sends of a task name; finish with a count such as {@link
   * SentTaskAssert#once()}.
   *
   * @param name the task name
   * @return the verification
   */
  public SentTaskAssert sent(String name) {
    return new SentTaskAssert(this, CeleryMatchers.task(name));
  }

  /**
   * Starts verifying the sends matching a pattern of {@link CeleryMatchers#task(String)}.
   *
   * @param pattern the pattern
   * @return the verification
   */
  public SentTaskAssert sent(SentTaskPattern pattern) {
    return new SentTaskAssert(this, Objects.requireNonNull(pattern, "pattern"));
  }

  /**
   * Verifies that tasks of these names were sent in this order, other sends allowed between them.
   *
   * @param names the task names, in order
   * @return this assert
   */
  public SentTasksAssert sentInOrder(String... names) {
    Objects.requireNonNull(names, "names");
    List<SentTaskPattern> order = new ArrayList<>(names.length);
    for (String name : names) {
      order.add(CeleryMatchers.task(name));
    }
    return inOrder(order);
  }

  /**
   * Verifies that sends matching these patterns were sent in this order, other sends allowed
   * between them.
   *
   * @param order the patterns, in order
   * @return this assert
   */
  public SentTasksAssert sentInOrder(SentTaskPattern... order) {
    Objects.requireNonNull(order, "order");
    return inOrder(List.of(order));
  }

  private SentTasksAssert inOrder(List<SentTaskPattern> order) {
    isNotNull();
    VerificationReport.orderFailure(actual, order)
        .ifPresent(
            report ->
                Navigation.failed(
                    softly, assertionError(JournalMessages.shouldHaveSentInOrder(report))));
    return myself;
  }

  /** The sent tasks under test. */
  SentTasks sentTasks() {
    return actual;
  }

  /** Fails with a count report, or collects it in soft assertions. */
  void countFailed(String report) {
    Navigation.failed(softly, assertionError(JournalMessages.shouldHaveSentTasks(report)));
  }
}
