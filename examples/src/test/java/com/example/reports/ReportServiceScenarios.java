package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.celerykit.app.Celery;
import io.celerykit.result.RemoteTaskException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The report service's scenarios, written once against {@link Celery} and run on both engines: in
 * memory ({@link InMemoryReportServiceTest}) and on the Redis engine with a real Celery worker
 * ({@link RedisReportServiceTest}). The service's code is the same in both; only how {@code
 * reports.render} is arranged differs: in memory a stub plays it, on Redis the worker runs {@code
 * src/test/python/reports_tasks.py}, whose render returns {@code report-<quarter>.pdf}, raises
 * {@code ValueError} for a {@code bad-} quarter and waits to be released for a {@code slow-} one.
 */
abstract class ReportServiceScenarios {
  static final Duration WAIT = Duration.ofSeconds(30);

  /** The engine the service runs on. */
  abstract Celery celery();

  /** Makes reports.render return {@code report-<quarter>.pdf} for these quarters, in this order. */
  abstract void rendersReports(String... quarters);

  /** Makes reports.render raise Python's {@code ValueError("no figures for <quarter>")}. */
  abstract void failsForMissingFigures(String quarter);

  /** Makes reports.render of this quarter run longer than the scenario waits. */
  abstract void rendersSlowly(String quarter);

  /** Lets the slow render of the quarter end, if it still runs. */
  abstract void release(String quarter);

  private ReportService service() {
    return new ReportService(celery());
  }

  @Test
  void aRenderedReportIsReturned() {
    rendersReports("2026-Q3");
    ReportService service = service();
    String id = service.requestReport("2026-Q3");

    assertThat(service.awaitReport(id, WAIT)).contains("report-2026-Q3.pdf");
    assertThat(service.status(id)).isEqualTo(ReportService.Status.DONE);
  }

  @Test
  void aPythonValueErrorIsAFailedReport() {
    failsForMissingFigures("bad-2026-Q1");
    ReportService service = service();
    String id = service.requestReport("bad-2026-Q1");

    assertThatThrownBy(() -> service.awaitReport(id, WAIT))
        .isInstanceOf(ReportService.ReportFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            RemoteTaskException.class, e -> assertThat(e.excType()).isEqualTo("ValueError"))
        .hasMessageContaining("no figures for bad-2026-Q1");
    assertThat(service.status(id)).isEqualTo(ReportService.Status.FAILED);
  }

  @Test
  void aReportNotReadyInTimeIsEmpty() {
    rendersSlowly("slow-2026-Q2");
    ReportService service = service();
    String id = service.requestReport("slow-2026-Q2");
    try {
      assertThat(service.awaitReport(id, Duration.ofMillis(500))).isEmpty();
      assertThat(service.status(id)).isNotIn(ReportService.Status.DONE, ReportService.Status.FAILED);
    } finally {
      release("slow-2026-Q2");
    }
  }

  @Test
  void aBatchIsAGroupFoundByItsId() {
    rendersReports("2026-Q1", "2026-Q2", "2026-Q3");
    ReportService service = service();
    String batchId = "batch-" + UUID.randomUUID();

    assertThat(service.requestBatch(batchId, List.of("2026-Q1", "2026-Q2", "2026-Q3")))
        .isEqualTo(batchId);

    assertThat(service.awaitBatch(batchId, WAIT))
        .containsExactly("report-2026-Q1.pdf", "report-2026-Q2.pdf", "report-2026-Q3.pdf");
  }

  @Test
  void anAbortedReportIsCancelledWhileItRuns() {
    rendersSlowly("slow-2026-Q4");
    ReportService service = service();
    String id = service.requestReport("slow-2026-Q4");
    try {
      startsRunning(service, id);

      service.abort(id); // revoke(terminate=True)

      await().atMost(WAIT).until(() -> service.status(id) == ReportService.Status.CANCELLED);
      assertThat(service.status(id)).isEqualTo(ReportService.Status.CANCELLED);
    } finally {
      release("slow-2026-Q4");
    }
  }

  /** Waits until the render runs (in memory: lets the worker start it). */
  abstract void startsRunning(ReportService service, String id);
}
