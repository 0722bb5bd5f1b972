package com.example.reports;

import static io.celerykit.app.CeleryMatchers.argThat;
import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static io.celerykit.assertj.CeleryAssertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.PythonException;
import io.celerykit.junit.CeleryTest;
import io.celerykit.result.RemoteTaskException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Verify what the code under test sent, as you would with Mockito or WireMock, and let it meet
 * failures as production delivers them: a Python worker's exception, read back as a
 * RemoteTaskException.
 */
@CeleryTest(strict = true)
class VerificationExampleTest {

  private static ReportService serviceOn(InMemoryCelery celery) {
    return new ReportService(celery);
  }

  @Test
  void theServiceSendsTheQuarterItWasAskedFor(InMemoryCelery celery) {
    celery.stub("reports.render").returns("pdf");
    ReportService service = serviceOn(celery);

    String id = service.requestReport("2026-Q3");
    service.awaitReport(id, Duration.ofSeconds(5));

    assertThat(celery).sent("reports.render").withArgs("2026-Q3").once();
    assertThat(celery).sent("reports.render").withOptions(o -> o.queue("celery")).once();
    celery.verify().sent("reports.render").withArgs(argThat(String.class, q -> q.endsWith("-Q3"))).once();
    // Had the service sent "2026-Q2", the first check would fail with (from a real run):
    //   Expected exactly 1 task matching:
    //     reports.render('2026-Q3')
    //   but no exactly matching task was sent. Closest first:
    //     - #0 reports.render('2026-Q2') [a18f67d4-db95-443f-a220-d2d2f1423244]
    //         args[0]: expected '2026-Q3' but was '2026-Q2'
    //   1 task sent in all.
  }

  @Test
  void aNearMissNamesTheSendThatCameClosest(InMemoryCelery celery) {
    celery.stub("reports.render").returns("pdf");
    celery.stub("report.render").returns("pdf");
    ReportService service = serviceOn(celery);
    service.awaitReport(service.requestReport("2026-Q3"), Duration.ofSeconds(5));
    celery.<String>sendTask("report.render", "2026-Q4").get();

    assertThatThrownBy(() -> assertThat(celery).sent("reports.render").withArgs("2026-Q4").once())
        .hasMessageContaining("Closest first:")
        .hasMessageContaining("args[0]: expected '2026-Q4' but was '2026-Q3'")
        .hasMessageContaining(
            "name: expected 'reports.render' but was 'report.render' (1 edit away)");
  }

  @Test
  void aPythonFailureReachesTheServiceAsInProduction(InMemoryCelery celery) {
    // The worker is Python: script its exception, not a Java one.
    celery
        .stub("reports.render")
        .fails(PythonException.of("reports.errors", "NoDataError", "no data for 2026-Q3"));
    ReportService service = serviceOn(celery);

    String id = service.requestReport("2026-Q3");

    assertThatThrownBy(() -> service.awaitReport(id, Duration.ofSeconds(5)))
        .isInstanceOf(ReportService.ReportFailedException.class)
        .hasMessageContaining("reports.errors.NoDataError: no data for 2026-Q3")
        .hasCauseInstanceOf(RemoteTaskException.class);
    RemoteTaskException cause = (RemoteTaskException) celery.asyncResult(id).result();
    assertThat(cause.excType()).isEqualTo("NoDataError");
    assertThat(cause.traceback()).startsWith("Traceback (most recent call last):");
  }
}
