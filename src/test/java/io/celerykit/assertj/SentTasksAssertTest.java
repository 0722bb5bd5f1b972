package io.celerykit.assertj;

import static io.celerykit.app.CeleryMatchers.any;
import static io.celerykit.app.CeleryMatchers.task;
import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.InMemoryCelery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AssertJ form of verifying sent tasks: the same checks and reports as app.verify(). */
class SentTasksAssertTest {

  private static final String NL = System.lineSeparator();

  private final InMemoryCelery app = InMemoryCelery.create();

  @BeforeEach
  void stubs() {
    app.stub("invoices.render").returns("pdf");
    app.stub("invoices.mail").returns("sent");
    app.stub("invoice.render").returns("pdf");
  }

  @Test
  void countsReadAsSentencesAndChain() {
    app.sendTask("invoices.render", "INV-1");
    app.sendTask(
        "invoices.render",
        List.of("INV-2"),
        Map.of(),
        ApplyOptions.defaults().queue("pdf").countdown(Duration.ofSeconds(5)));
    app.sendTask("invoices.mail", "INV-1");

    assertThat(app)
        .sent("invoices.render")
        .times(2)
        .sent("invoices.render")
        .withArgs("INV-1")
        .once()
        .sent("invoices.render")
        .withOptions(o -> o.queue("pdf"))
        .atLeastOnce()
        .sent("invoices.render")
        .withArgs(any())
        .atMost(2)
        .sent("invoices.delete")
        .never()
        .sentInOrder("invoices.render", "invoices.mail");
    assertThat(app.sentTasks()).sent(task("invoices.mail").withArgs("INV-1")).atLeast(1);
  }

  @Test
  void aFailedCountShowsTheNearMissesInAnAssertionError() {
    app.sendTask("invoice.render", "INV-1");
    app.sendTask("invoices.render", "INV-2");

    assertThatThrownBy(() -> assertThat(app).sent("invoices.render").withArgs("INV-1").once())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            NL
                + "Expected exactly 1 task matching:\n"
                + "  invoices.render('INV-1')\n"
                + "but no exactly matching task was sent. Closest first:\n"
                + "  - #1 invoices.render('INV-2')")
        .hasMessageContaining("args[0]: expected 'INV-1' but was 'INV-2'")
        .hasMessageContaining("#0 invoice.render('INV-1')")
        .hasMessageContaining("(1 edit away)");
  }

  @Test
  void aBrokenOrderIsReported() {
    app.sendTask("invoices.mail", "INV-1");
    app.sendTask("invoices.render", "INV-1");

    assertThatThrownBy(() -> assertThat(app).sentInOrder("invoices.render", "invoices.mail"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but no send matching 2. came after #1 invoices.render('INV-1')")
        .hasMessageContaining("It was sent before that, too early:");
  }

  @Test
  void theAssertReadsTheSendsWhenItIsMade() {
    var before = assertThat(app);
    app.sendTask("invoices.render", "INV-1");

    before.sent("invoices.render").never();
    assertThat(app).sent("invoices.render").once();
  }

  @Test
  void softAssertionsCollectFailedVerifications() {
    app.sendTask("invoices.render", "INV-1");
    CelerySoftAssertions softly = new CelerySoftAssertions();

    softly.assertThat(app).sent("invoices.render").withArgs("INV-9").once();
    softly.assertThat(app.sentTasks()).sentInOrder("invoices.mail", "invoices.render");
    softly.assertThat(app).sent("invoices.render").once();

    org.assertj.core.api.Assertions.assertThat(softly.errorsCollected()).hasSize(2);
    assertThatThrownBy(softly::assertAll)
        .hasMessageContaining("Multiple Failures (2 failures)")
        .hasMessageContaining("args[0]: expected 'INV-9' but was 'INV-1'")
        .hasMessageContaining("but no send matching 1. was sent at all.");
  }

  @Test
  void aNullAppFailsAsAssertJDoes() {
    assertThatThrownBy(() -> assertThat((InMemoryCelery) null).sent("t").once())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expecting actual not to be null");
  }
}
