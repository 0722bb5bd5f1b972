package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.celerykit.app.Celery;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.junit.CeleryTest;
import io.celerykit.mockito.CeleryAnswers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When a test wants to check how the code under test talks to Celery, mock the {@link Celery}
 * interface itself with Mockito, and answer with real celerykit results.
 */
@CeleryTest
class MockitoExampleTest {

  @Test
  void theMockedCeleryHandsOutRealResults(InMemoryCelery app) {
    app.stub("reports.render").returns("pdf");
    Celery celery = mock(Celery.class);
    // The mock sends the stubbed task on the in-memory app, and reads results from it.
    when(celery.sendTask(eq("reports.render"), (Object) anyString()))
        .thenAnswer(CeleryAnswers.sendsTask(app, "reports.render"));
    when(celery.asyncResult(anyString())).thenAnswer(CeleryAnswers.resultOfIdArgument(app));

    ReportService service = new ReportService(celery);
    String id = service.requestReport("2026-Q3");

    assertThat(service.awaitReport(id, Duration.ofSeconds(5))).contains("pdf");
    verify(celery).sendTask("reports.render", "2026-Q3");
    assertThat(app.asyncResult(id).args()).isNull(); // args are stored only with result_extended
  }
}
