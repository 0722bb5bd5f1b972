package io.celerykit.app;

import io.celerykit.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies what the code under test sent, without AssertJ, as Mockito's {@code verify} and
 * WireMock's {@code verify(...)} do: a failure throws {@link TaskVerificationException} listing
 * what was sent, closest first. Obtain one with {@link InMemoryCelery#verify()} or {@link
 * #verify(InMemoryCelery)}; each check reads the sends at the moment it runs.
 *
 * <pre>{@code
 * import static io.celerykit.app.CeleryMatchers.*;
 *
 * app.verify().sent("invoices.render").withArgs("INV-1").times(3);
 * app.verify().sent("invoices.render").withOptions(o -> o.queue("pdf")).atLeastOnce();
 * app.verify().sent("invoices.delete").never();
 * app.verify().sentInOrder("invoices.render", "invoices.mail");
 * }</pre>
 */
public final class CeleryVerification {
  private final InMemoryCelery app;

  private CeleryVerification(InMemoryCelery app) {
    this.app = app;
  }

  /**
   * Starts verifying what an app sent.
   *
   * @param app the app
   * @return the verification
   */
  public static CeleryVerification verify(InMemoryCelery app) {
    return new CeleryVerification(Checks.requireNonNull(app, "app"));
  }

  /**
   * Starts verifying the sends of a task name; finish with a count such as {@link
   * SentTaskVerification#once()}.
   *
   * @param name the task name
   * @return the verification of that task
   */
  public SentTaskVerification sent(String name) {
    return new SentTaskVerification(app, SentTaskPattern.named(name));
  }

  /**
   * Starts verifying the sends matching a pattern made with {@link CeleryMatchers#task(String)}.
   *
   * @param pattern the pattern
   * @return the verification
   */
  public SentTaskVerification sent(SentTaskPattern pattern) {
    return new SentTaskVerification(app, Checks.requireNonNull(pattern, "pattern"));
  }

  /**
   * Verifies that tasks of these names were sent in this order, other sends allowed between them.
   *
   * @param names the task names, in order
   * @return the sends that matched, one per name
   * @throws TaskVerificationException when they were not sent in this order
   */
  public List<SentTask> sentInOrder(String... names) {
    Checks.requireNonNull(names, "names");
    List<SentTaskPattern> order = new ArrayList<>(names.length);
    for (String name : names) {
      order.add(SentTaskPattern.named(name));
    }
    return inOrder(order);
  }

  /**
   * Verifies that sends matching these patterns were sent in this order, other sends allowed
   * between them.
   *
   * <pre>{@code
   * app.verify().sentInOrder(task("invoices.render").withArgs("INV-1"), task("invoices.mail"));
   * }</pre>
   *
   * @param order the patterns, in order
   * @return the sends that matched, one per pattern
   * @throws TaskVerificationException when they were not sent in this order
   */
  public List<SentTask> sentInOrder(SentTaskPattern... order) {
    Checks.requireNonNull(order, "order");
    return inOrder(List.of(order));
  }

  private List<SentTask> inOrder(List<SentTaskPattern> order) {
    SentTasks sent = app.sentTasks();
    VerificationReport.orderFailure(sent, order)
        .ifPresent(
            report -> {
              throw new TaskVerificationException(report);
            });
    List<SentTask> out = new ArrayList<>(order.size());
    int from = 0;
    for (SentTaskPattern p : order) {
      for (int j = from; j < sent.size(); j++) {
        if (p.test(sent.get(j))) {
          out.add(sent.get(j));
          from = j + 1;
          break;
        }
      }
    }
    return List.copyOf(out);
  }
}
