package io.celerykit.app;

import static io.celerykit.app.CeleryMatchers.any;
import static io.celerykit.app.CeleryMatchers.argThat;
import static io.celerykit.app.CeleryMatchers.eq;
import static io.celerykit.app.CeleryMatchers.isA;
import static io.celerykit.app.CeleryMatchers.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifying what the code under test sent, as Mockito's verify and WireMock's verify(...) do, with
 * WireMock's near-miss reports when nothing matches.
 */
class VerificationTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @BeforeEach
  void stubs() {
    app.stub("invoices.render").returns("pdf");
    app.stub("invoice.render").returns("pdf");
    app.stub("reports.render").returns("pdf");
    app.stub("invoices.mail").returns("sent");
  }

  @Test
  void countsTheSendsOfATaskWithTheseArguments() {
    app.sendTask("invoices.render", "INV-1");
    app.sendTask("invoices.render", "INV-1");
    app.sendTask("invoices.render", "INV-2");

    List<SentTask> sent = app.verify().sent("invoices.render").withArgs("INV-1").times(2);

    assertThat(sent).extracting(SentTask::args).containsOnly(List.of("INV-1"));
    app.verify().sent("invoices.render").atLeast(3);
    app.verify().sent("invoices.render").atMost(3);
    app.verify().sent("invoices.render").withArgs("INV-2").once();
    app.verify().sent("invoices.delete").never();
  }

  @Test
  void aFailedVerificationListsTheClosestSendsFirst() {
    app.sendTask("reports.render", "INV-1");
    app.sendTask("invoice.render", "INV-1");
    app.sendTask("invoices.render", "INV-2");
    app.sendTask("invoices.mail", "someone@example.com");

    assertThatThrownBy(() -> app.verify().sent("invoices.render").withArgs("INV-1").once())
        .isInstanceOf(TaskVerificationException.class)
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "Expected exactly 1 task matching:\n"
                + "  invoices.render('INV-1')\n"
                + "but no exactly matching task was sent. Closest first:\n")
        .hasMessageContaining(
            "  - #2 invoices.render('INV-2') ["
                + app.sentTasks().get(2).taskId()
                + "]\n"
                + "      args[0]: expected 'INV-1' but was 'INV-2'\n"
                + "  - #1 invoice.render('INV-1') ["
                + app.sentTasks().get(1).taskId()
                + "]\n"
                + "      name: expected 'invoices.render' but was 'invoice.render' (1 edit away)\n"
                + "  - #0 reports.render('INV-1') ["
                + app.sentTasks().get(0).taskId()
                + "]\n"
                + "      name: expected 'invoices.render' but was 'reports.render' (same"
                + " arguments)\n")
        .hasMessageNotContaining("invoices.mail")
        .hasMessageEndingWith("4 tasks sent in all.");
  }

  @Test
  void aWrongCountListsTheMatchingSendsAndTheOthersClosestFirst() {
    app.sendTask("invoices.render", "INV-1");
    app.sendTask("invoices.render", "INV-2");

    assertThatThrownBy(() -> app.verify().sent("invoices.render").withArgs("INV-1").times(3))
        .hasMessageStartingWith(
            "Expected exactly 3 tasks matching:\n  invoices.render('INV-1')\nbut 1 was sent:\n"
                + "  - #0 invoices.render('INV-1') [")
        .hasMessageContaining("Closest of the other sends:\n  - #1 invoices.render('INV-2')");
  }

  @Test
  void neverListsWhatWasSentAnyway() {
    app.sendTask("invoices.render", "INV-1");

    assertThatThrownBy(() -> app.verify().sent("invoices.render").never())
        .hasMessageStartingWith(
            "Expected no task matching:\n  invoices.render(*any*)\nbut 1 was sent:\n"
                + "  - #0 invoices.render('INV-1') [")
        .hasMessageNotContaining("Closest");
  }

  @Test
  void nothingSentAtAllIsSaid() {
    assertThatThrownBy(() -> app.verify().sent("invoices.render").once())
        .hasMessageContaining("but no exactly matching task was sent.\nNo task was sent at all.");
  }

  @Test
  void argumentMatchersMixWithValues() {
    app.sendTask("invoices.render", "INV-1", 3);

    app.verify().sent("invoices.render").withArgs(any(), eq(3)).once();
    app.verify().sent("invoices.render").withArgs(isA(String.class), 3L).once();
    app.verify()
        .sent("invoices.render")
        .withArgs(argThat(String.class, id -> id.startsWith("INV-")), any())
        .once();
    app.verify().sent("invoices.render").withArgs(argThat(v -> v == null)).never();
    assertThatThrownBy(
            () ->
                app.verify()
                    .sent("invoices.render")
                    .withArgs(argThat(String.class, id -> id.startsWith("X")).describedAs("<an X>"))
                    .once())
        .hasMessageContaining("invoices.render(<an X>)")
        .hasMessageContaining("args: expected 1 argument (<an X>,) but 2 were sent: ('INV-1', 3)");
  }

  @Test
  void keywordArgumentsMatchExactly() {
    app.sendTask("invoices.render", List.of(), Map.of("id", "INV-1", "lang", "fr"), opts());

    app.verify().sent("invoices.render").withKwargs(Map.of("id", "INV-1", "lang", any())).once();
    assertThatThrownBy(
            () -> app.verify().sent("invoices.render").withKwargs(Map.of("id", "INV-9")).once())
        .hasMessageContaining("kwargs['id']: expected 'INV-9' but was 'INV-1'")
        .hasMessageContaining("kwargs: lang='fr' was sent but not expected");
  }

  @Test
  void optionsMatchPartially() {
    app.sendTask(
        "invoices.render",
        List.of("INV-1"),
        Map.of(),
        opts().queue("pdf").countdown(Duration.ofSeconds(10)).header("tenant", "acme"));

    app.verify().sent("invoices.render").withOptions(o -> o.queue("pdf")).once();
    app.verify()
        .sent("invoices.render")
        .withOptions(o -> o.countdown(Duration.ofSeconds(10)).header("tenant", "acme"))
        .once();
    assertThatThrownBy(
            () -> app.verify().sent("invoices.render").withOptions(o -> o.queue("html")).once())
        .hasMessageContaining("invoices.render(*any*) with queue='html'")
        .hasMessageContaining("queue: expected 'html' but was 'pdf'");
  }

  @Test
  void theDefaultQueueMatchesASendThatNamedNone() {
    app.sendTask("invoices.render", "INV-1");

    app.verify().sent("invoices.render").withOptions(o -> o.queue("celery")).once();
  }

  @Test
  void aConditionOfTheTestsOwnIsNamedInTheReport() {
    app.sendTask("invoices.render", "INV-1");

    app.verify()
        .sent("invoices.render")
        .matching("sent from no task", t -> t.parentId() == null)
        .once();
    assertThatThrownBy(
            () ->
                app.verify()
                    .sent("invoices.render")
                    .matching("sent by a task", t -> t.parentId() != null)
                    .once())
        .hasMessageContaining("invoices.render(*any*) and sent by a task")
        .hasMessageContaining("not sent by a task");
  }

  @Test
  void sentInOrderAllowsOtherSendsBetween() {
    app.sendTask("invoices.render", "INV-1");
    app.sendTask("reports.render", "Q3");
    app.sendTask("invoices.mail", "INV-1");

    List<SentTask> matched = app.verify().sentInOrder("invoices.render", "invoices.mail");

    assertThat(matched)
        .extracting(SentTask::name)
        .containsExactly("invoices.render", "invoices.mail");
    app.verify()
        .sentInOrder(
            task("invoices.render").withArgs("INV-1"), task("invoices.mail").withArgs("INV-1"));
  }

  @Test
  void sentInOrderSaysWhereTheOrderBroke() {
    app.sendTask("invoices.mail", "INV-1");
    app.sendTask("invoices.render", "INV-1");

    assertThatThrownBy(() -> app.verify().sentInOrder("invoices.render", "invoices.mail"))
        .isInstanceOf(TaskVerificationException.class)
        .hasMessageStartingWith(
            "Expected tasks sent in this order (others between them allowed):\n"
                + "  1. invoices.render(*any*)\n"
                + "  2. invoices.mail(*any*)\n"
                + "but no send matching 2. came after #1 invoices.render('INV-1') [")
        .hasMessageContaining("It was sent before that, too early:\n  - #0 invoices.mail('INV-1')")
        .hasMessageContaining("Tasks sent, in order:\n  #0 invoices.mail('INV-1')")
        .hasMessageContaining(
            "#1 invoices.render('INV-1') [" + app.sentTasks().get(1).taskId() + "]   <- 1.");
  }

  @Test
  void droppedSendsAreSaidToBeUncounted() {
    InMemoryCelery small = InMemoryCelery.create(CeleryConfig.defaults().sentTaskCapacity(1));
    small.stub("t").returns(1);
    small.sendTask("t", 1);
    small.sendTask("t", 2);

    assertThatThrownBy(() -> small.verify().sent("t").times(2))
        .hasMessageEndingWith(
            "1 task sent in all; 1 earlier sends were dropped and are not counted (the app keeps"
                + " the last 1; raise CeleryConfig.sentTaskCapacity).");
  }

  @Test
  void badVerificationsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> app.verify().sent(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task name");
    assertThatThrownBy(() -> app.verify().sent("t").times(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never()");
    assertThatThrownBy(() -> app.verify().sentInOrder(new String[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one task");
    assertThatThrownBy(() -> app.verify().sent("t").withOptions(o -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not null");
  }

  private static ApplyOptions opts() {
    return ApplyOptions.defaults();
  }
}
