package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timeouts and late results happen on the app's virtual clock: no sleeping, no flakiness. */
class VirtualTimeExampleTest {

  private final InMemoryCelery celery = InMemoryCelery.create();
  private final ReportService service = new ReportService(celery);

  @Test
  void aReportThatNeverComesTimesOutInVirtualTime() {
    // WHEN the service waits 30 s for a report no worker will ever store
    var report = service.awaitReport("slow", Duration.ofSeconds(30));

    // THEN it gives up; the 30 s passed on the virtual clock, at once in wall time
    assertThat(report).isEmpty();
    assertThat(celery.clock().elapsed()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aFinishedReportExpiresAfterResultExpires() {
    // GIVEN results expire after one hour, as with result_expires=3600
    InMemoryCelery app =
        InMemoryCelery.create(CeleryConfig.defaults().resultExpires(Duration.ofHours(1)));
    app.stub("reports.render").returns("pdf");
    ReportService reports = new ReportService(app);
    String id = reports.requestReport("2026-Q2");
    assertThat(reports.awaitReport(id, Duration.ofMinutes(1))).contains("pdf");

    // WHEN an hour of virtual time passes
    app.clock().advance(Duration.ofMinutes(59));
    assertThat(reports.status(id)).isEqualTo(ReportService.Status.DONE);
    app.clock().advance(Duration.ofMinutes(1));

    // THEN the result is gone and reads as PENDING, as in Celery
    assertThat(reports.status(id)).isEqualTo(ReportService.Status.QUEUED);
    assertThat(app.backend().exists(id)).isFalse();
  }

  @Test
  void twoRunsOfTheSameScenarioGiveTheSameJournal() {
    // WHEN the same scenario runs twice, each time in a fresh app
    String first = flakyReportScenario();
    String second = flakyReportScenario();

    // THEN ids, virtual times, payloads (pid and host name included) are the same, line for line
    assertThat(first).contains("task-retried", "task-succeeded", "pid=4242").isEqualTo(second);
  }

  /** A report that fails twice and then succeeds, with the task-started events tracked. */
  private static String flakyReportScenario() {
    InMemoryCelery app = InMemoryCelery.create(CeleryConfig.defaults().taskTrackStarted(true));
    app.stub("reports.render").retries(2, new IOException("flaky")).thenReturns("pdf");
    ReportService reports = new ReportService(app);
    String id = reports.requestReport("2026-Q1");
    assertThat(reports.awaitReport(id, Duration.ofMinutes(10))).contains("pdf");
    return app.journal().timeline();
  }

  @Test
  void aReportStoredLaterArrivesAtItsVirtualTime() {
    // GIVEN the task is STARTED now and finishes 5 s from now
    celery.backend().store(TaskMeta.builder("r-5", TaskState.STARTED).build());
    celery
        .clock()
        .schedule(
            Duration.ofSeconds(5),
            () -> celery.backend().store(TaskMeta.success("r-5", "done after 5s")));
    assertThat(service.status("r-5")).isEqualTo(ReportService.Status.RUNNING);

    // WHEN the service waits up to 10 s
    var report = service.awaitReport("r-5", Duration.ofSeconds(10));

    // THEN it returns as soon as the result is stored, at virtual t=5s
    assertThat(report).contains("done after 5s");
    assertThat(celery.clock().elapsed()).isEqualTo(Duration.ofSeconds(5));
  }
}
