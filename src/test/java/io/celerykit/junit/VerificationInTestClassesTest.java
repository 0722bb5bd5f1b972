package io.celerykit.junit;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Verifications and strict mode as a test class meets them: run small test classes with the JUnit
 * platform test kit and read what failed and what the failure said.
 */
class VerificationInTestClassesTest {

  /** What the test classes saw, by key. */
  static final Map<String, String> SEEN = new ConcurrentHashMap<>();

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  private static Throwable failureOf(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  private static List<String> failureMessages(Events events) {
    return events.failed().stream().map(e -> failureOf(e).getMessage()).toList();
  }

  // ---------------------------------------------------------------- verification

  @CeleryTest
  static class VerifiesWhatItSent {
    @Test
    void sendsAnotherInvoiceThanItVerifies(InMemoryCelery app) {
      app.stub("invoices.render").returns("pdf");
      app.stub("invoice.render").returns("pdf");
      app.sendTask("invoices.render", "INV-2").get();
      app.sendTask("invoice.render", "INV-1").get();
      SEEN.put("near-miss", app.sentTasks().get(0).taskId());

      assertThat(app).sent("invoices.render").withArgs("INV-1").once();
    }

    @Test
    void verifiesWithoutAssertJ(InMemoryCelery app) {
      app.stub("invoices.render").returns("pdf");
      app.sendTask("invoices.render", "INV-1").get();

      app.verify().sent("invoices.render").withArgs("INV-1").times(2);
    }
  }

  @Test
  void aFailedVerificationFailsTheTestListingTheNearMissesClosestFirst() {
    Events events = run(VerifiesWhatItSent.class);

    events.assertStatistics(s -> s.failed(2).succeeded(0));
    List<String> messages = failureMessages(events);
    assertThat(messages)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("Expected exactly 1 task matching:\n  invoices.render('INV-1')")
                    .contains("but no exactly matching task was sent. Closest first:")
                    .contains("#0 invoices.render('INV-2') [" + SEEN.get("near-miss") + "]")
                    .contains("args[0]: expected 'INV-1' but was 'INV-2'")
                    .contains("name: expected 'invoices.render' but was 'invoice.render' (1 edit")
                    .containsSubsequence("invoices.render('INV-2')", "invoice.render('INV-1')"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("Expected exactly 2 tasks matching:")
                    .contains("but 1 was sent:"));
    assertThat(events.failed().stream().map(VerificationInTestClassesTest::failureOf))
        .anySatisfy(
            t -> assertThat(t).isInstanceOf(io.celerykit.app.TaskVerificationException.class));
  }

  // ---------------------------------------------------------------- strict mode

  @CeleryTest(strict = true)
  static class SendsTasksNothingHandles {
    @Test
    void sendsATaskDueLater(InMemoryCelery app) {
      app.stub("reports.render").returns("pdf");
      AsyncResult<Object> r =
          app.sendTask(
              "reports.render",
              List.of("2026-Q4"),
              Map.of(),
              ApplyOptions.defaults().countdown(Duration.ofHours(1)));
      SEEN.put("due-later", r.id());
    }

    @Test
    void sendsToANeverRunsStub(InMemoryCelery app) {
      app.stub("reports.lost").neverRuns();
      AsyncResult<Object> r = app.sendTask("reports.lost");
      app.worker().runUntilIdle();
      SEEN.put("never-runs", r.id());
    }

    @Test
    void sendsToAStubWithoutOutcome(InMemoryCelery app) {
      app.stub("reports.unscripted");
      app.sendTask("reports.unscripted");
    }

    @Test
    void revokesWhatItLeavesUnhandled(InMemoryCelery app) {
      app.stub("reports.lost").neverRuns();
      AsyncResult<Object> r = app.sendTask("reports.lost");
      app.worker().runUntilIdle();
      r.forget();
    }
  }

  @Test
  void strictModeListsTasksSentButNeverHandledWithTheReason() {
    Events events = run(SendsTasksNothingHandles.class);

    events.assertStatistics(s -> s.failed(3).succeeded(1));
    assertThat(failureMessages(events))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("1 task(s) were sent but never handled before the test ended:")
                    .contains(
                        "reports.render('2026-Q4') with countdown=3600 [" + SEEN.get("due-later"))
                    .contains("it is due at 2026-01-01T01:00:00Z (countdown or eta)"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("- " + SEEN.get("never-runs") + " reports.lost (PENDING)")
                    .contains("reports.lost() [" + SEEN.get("never-runs") + "]")
                    .contains("a neverRuns() stub holds it"))
        .anySatisfy(m -> assertThat(m).contains("its stub has no outcome scripted"));
  }

  @CeleryTest(failOnUnhandledTasks = true)
  static class OnlyUnhandledTasksFail {
    @Test
    void leavesAResultUnconsumedButRunsIt(InMemoryCelery app) {
      app.stub("t.ran").returns(1);
      app.sendTask("t.ran");
      app.worker().runUntilIdle();
    }

    @Test
    void leavesATaskQueued(InMemoryCelery app) {
      app.stub("t.queued").returns(1);
      app.sendTask("t.queued");
    }
  }

  @Test
  void failOnUnhandledTasksAloneChecksOnlyThat() {
    Events events = run(OnlyUnhandledTasksFail.class);

    events.assertStatistics(s -> s.failed(1).succeeded(1));
    assertThat(failureMessages(events))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .contains("were sent but never handled")
                    .contains("t.queued()")
                    .contains("it is queued and nothing ran the worker")
                    .doesNotContain("never consumed"));
  }

  static class ProgrammaticUnhandled {
    @RegisterExtension
    static CeleryExtension celery = CeleryExtension.builder().failOnUnhandledTasks(true).build();

    @Test
    void leavesATaskQueued() {
      celery.app().stub("t.queued").returns(1);
      celery.app().sendTask("t.queued");
    }
  }

  @Test
  void theBuilderSwitchesTheSameCheckOn() {
    Events events = run(ProgrammaticUnhandled.class);

    events.assertStatistics(s -> s.failed(1));
    assertThat(failureMessages(events)).singleElement().asString().contains("t.queued()");
  }

  // ---------------------------------------------------------------- diagnostics

  @CeleryTest
  static class TimesOutOnAParkedTask {
    @Test
    void waitsForATaskANeverRunsStubHolds(InMemoryCelery app) {
      app.stub("reports.lost").neverRuns();
      app.sendTask("reports.lost").get(Duration.ofMinutes(1));
    }
  }

  @Test
  void theReportOfAFailingTestListsTheSendsAndWhyTheyAreNotDone() {
    Events events = run(TimesOutOnAParkedTask.class);

    events.assertStatistics(s -> s.failed(1));
    Throwable failure = failureOf(events.failed().stream().findFirst().orElseThrow());
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.getMessage())
                    .contains("tasks sent (1):")
                    .contains("#0 reports.lost() [")
                    .contains("not done: a neverRuns() stub holds it"));
  }
}
