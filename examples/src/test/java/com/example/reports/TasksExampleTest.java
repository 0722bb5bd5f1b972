package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real task bodies as Java lambdas, run by the in-memory worker when a result is needed. */
class TasksExampleTest {

  private final InMemoryCelery celery = InMemoryCelery.create();
  // The service sends tasks through its own client; here the client is the in-memory app.
  private final ReportService service =
      new ReportService(celery);

  @Test
  void aTaskRunsWhenItsResultIsNeeded() {
    celery.task("reports.render", (String quarter) -> "report for " + quarter);

    String id = service.requestReport("2026-Q3");

    // Deterministic worker: nothing has run yet...
    assertThat(service.status(id)).isEqualTo(ReportService.Status.QUEUED);
    // ...until someone waits for the result.
    assertThat(service.awaitReport(id, Duration.ofSeconds(5))).contains("report for 2026-Q3");
    // The journal shows what the worker did, in Celery's event names.
    assertThat(celery.journal().typesFor(id))
        .containsExactly("task-sent", "task-received", "task-started", "task-succeeded");
  }

  @Test
  void aFailingTaskStoresItsException() {
    celery.task(
        "reports.render",
        (String quarter) -> {
          throw new IllegalArgumentException("unknown quarter " + quarter);
        });

    String id = service.requestReport("1999-Q5");

    assertThatThrownBy(() -> service.awaitReport(id, Duration.ofSeconds(5)))
        .isInstanceOf(ReportService.ReportFailedException.class)
        .hasMessageContaining("unknown quarter 1999-Q5");
    assertThat(celery.asyncResult(id).traceback()).contains("IllegalArgumentException");
  }
}
