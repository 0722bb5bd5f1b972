package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Revocation as Celery does it: before start, or terminating a running task. */
class RevocationExampleTest {

  private final InMemoryCelery celery = InMemoryCelery.create();
  private final ReportService service =
      new ReportService(celery);

  @Test
  void aCancelledReportNeverRuns() {
    celery.stub("reports.render").returns("pdf");
    String id = service.requestReport("2026-Q3");

    service.cancel(id);
    celery.worker().runUntilIdle();

    assertThat(service.status(id)).isEqualTo(ReportService.Status.CANCELLED);
    assertThat(celery.journal().typesFor(id)).endsWith("task-revoked");
  }

  @Test
  void anAbortedReportStopsWhileRunning() {
    celery.stub("reports.render").returns("pdf").takes(Duration.ofMinutes(5));
    String id = service.requestReport("2026-Q3");
    celery.worker().step(); // the render starts and will take 5 virtual minutes

    service.abort(id); // revoke(terminate=True)

    assertThat(service.status(id)).isEqualTo(ReportService.Status.CANCELLED);
    assertThat(celery.control().requests().get(0).options().terminate()).isTrue();
  }
}
