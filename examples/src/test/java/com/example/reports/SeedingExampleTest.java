package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CollectedValue;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed results by id in any state, with parents and children, for code that only reads. */
class SeedingExampleTest {

  private final InMemoryCelery celery = InMemoryCelery.create();
  private final ReportService service = new ReportService(celery);

  @Test
  void everyStateCanBeSeeded() {
    celery.seed().succeeded("done", "pdf");
    celery.seed().failed("broken", new IllegalStateException("disk full"));
    celery.seed().revoked("cancelled");
    celery.seed().started("busy");
    celery.seed().pending("queued");

    assertThat(service.status("done")).isEqualTo(ReportService.Status.DONE);
    assertThat(service.status("broken")).isEqualTo(ReportService.Status.FAILED);
    assertThat(service.status("cancelled")).isEqualTo(ReportService.Status.CANCELLED);
    assertThat(service.status("busy")).isEqualTo(ReportService.Status.RUNNING);
    assertThat(service.status("queued")).isEqualTo(ReportService.Status.QUEUED);
  }

  @Test
  void aSeededTreeIsCollected() {
    AsyncResult<Object> page1 = celery.seed().succeeded("page-1", 10);
    AsyncResult<Object> page2 = celery.seed().succeeded("page-2", 20);
    AsyncResult<Object> book = celery.seed().children(page1, page2).succeeded("book", "bound");

    assertThat(book.collect().map(CollectedValue::value)).containsExactly("bound", 10, 20);
    assertThat(service.awaitReport("book", Duration.ofSeconds(1))).contains("bound");
  }
}
