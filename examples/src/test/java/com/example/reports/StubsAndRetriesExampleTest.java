package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.TaskState;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scripted outcomes without a body: retry then success, on the virtual clock. */
class StubsAndRetriesExampleTest {

  private final InMemoryCelery celery = InMemoryCelery.create();
  private final ReportService service =
      new ReportService(celery);

  @Test
  void aFlakyRenderIsRetriedThenSucceeds() {
    // GIVEN the render fails twice with an IOException, then returns the report
    celery.stub("reports.render").retries(2, new IOException("storage busy")).thenReturns("pdf");

    String id = service.requestReport("2026-Q3");

    // WHEN the worker has run the first attempt, the task waits for its retry
    celery.worker().step();
    assertThat(celery.asyncResult(id).state()).isEqualTo(TaskState.RETRY);

    // THEN waiting long enough gets the report; the retries took 2 x 180 s of virtual time
    assertThat(service.awaitReport(id, Duration.ofMinutes(10))).contains("pdf");
    assertThat(celery.clock().elapsed()).isEqualTo(Duration.ofSeconds(360));
  }

  @Test
  void aRenderThatTakesTooLongTimesOut() {
    celery.stub("reports.render").returns("pdf").takes(Duration.ofMinutes(5));

    String id = service.requestReport("2026-Q3");

    assertThat(service.awaitReport(id, Duration.ofMinutes(1))).isEmpty();
    assertThat(service.status(id)).isEqualTo(ReportService.Status.QUEUED);
    // ... and a second, longer wait sees it finish at virtual t=5 min
    assertThat(service.awaitReport(id, Duration.ofMinutes(10))).contains("pdf");
    assertThat(celery.clock().elapsed()).isEqualTo(Duration.ofMinutes(5));
  }
}
