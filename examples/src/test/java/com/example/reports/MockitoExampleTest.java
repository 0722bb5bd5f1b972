package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.junit.CeleryTest;
import io.celerykit.mockito.CeleryAnswers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When the code under test sends tasks through its own client interface, mock the client with
 * Mockito and answer with real celerykit results.
 */
@CeleryTest
class MockitoExampleTest {

  @Test
  void theMockedClientHandsOutRealResults(InMemoryCelery celery) {
    celery.stub("reports.render").returns("pdf");
    TaskClient client = mock(TaskClient.class);
    // One line: the mock sends the stubbed task and answers with its id.
    when(client.submit(eq("reports.render"), any()))
        .thenAnswer(CeleryAnswers.sendsTaskReturningId(celery, "reports.render"));

    ReportService service = new ReportService(celery, client);
    String id = service.requestReport("2026-Q3");

    assertThat(service.awaitReport(id, Duration.ofSeconds(5))).contains("pdf");
    verify(client).submit("reports.render", "2026-Q3");
    assertThat(celery.asyncResult(id).args()).isNull(); // args are stored only with result_extended
  }
}
