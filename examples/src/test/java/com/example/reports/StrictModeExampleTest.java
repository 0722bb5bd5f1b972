package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.junit.CeleryTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Strict mode: Celery asks that every result is eventually get() or forget(). With {@code strict
 * = true} a test that leaves a result unconsumed, or scripts a stub it never calls, fails and
 * lists them (as Mockito's strict stubs do).
 */
@CeleryTest(strict = true)
class StrictModeExampleTest {

  @Test
  void everyResultIsConsumedAndEveryStubUsed(InMemoryCelery celery) {
    celery.stub("reports.render").returns("pdf");
    ReportService service =
        new ReportService(celery);

    String kept = service.requestReport("2026-Q3");
    String dropped = service.requestReport("2026-Q4");

    assertThat(service.awaitReport(kept, Duration.ofSeconds(5))).contains("pdf"); // get()
    celery.asyncResult(dropped).forget(); // forget() counts as consumed too
    // Remove the forget() above and this test fails in strict mode, naming the result.
  }
}
