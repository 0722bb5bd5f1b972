package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.TaskMeta;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed a result by id, then let the code under test read it: success and failure. */
class SuccessAndFailureExampleTest {

  // One line of set-up: a whole in-memory Celery (clock, result backend, control).
  private final InMemoryCelery celery = InMemoryCelery.create();
  private final ReportService service = new ReportService(celery);

  @Test
  void aFinishedReportIsReturned() {
    // GIVEN the worker stored a SUCCESS for task "r-1"
    celery.backend().store(TaskMeta.success("r-1", "Q3 revenue: 42"));

    // THEN the service sees it done and returns its value
    assertThat(service.status("r-1")).isEqualTo(ReportService.Status.DONE);
    assertThat(service.awaitReport("r-1", Duration.ofSeconds(5))).contains("Q3 revenue: 42");
  }

  @Test
  void aFailedReportRaisesTheWorkersException() {
    // GIVEN the task raised on the worker; celerykit stores the exception itself
    celery.backend().store(TaskMeta.failure("r-2", new IllegalStateException("no data for Q3")));

    // THEN get() re-raises it (the same instance, as Celery does) and the service wraps it
    assertThat(service.status("r-2")).isEqualTo(ReportService.Status.FAILED);
    assertThatThrownBy(() -> service.awaitReport("r-2", Duration.ofSeconds(5)))
        .isInstanceOf(ReportService.ReportFailedException.class)
        .hasMessageContaining("no data for Q3")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUnknownTaskIsQueued() {
    // A task id nothing was stored for reads as PENDING, as in Celery.
    assertThat(service.status("never-sent")).isEqualTo(ReportService.Status.QUEUED);
  }
}
