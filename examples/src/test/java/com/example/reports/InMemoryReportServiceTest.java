package com.example.reports;

import io.celerykit.app.Celery;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.TaskStub;
import io.celerykit.result.RemoteTaskException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The report service's scenarios on the in-memory engine: a stub plays reports.render. */
class InMemoryReportServiceTest extends ReportServiceScenarios {
  private final InMemoryCelery celery = InMemoryCelery.create();

  @AfterEach
  void close() {
    celery.close();
  }

  @Override
  Celery celery() {
    return celery;
  }

  @Override
  void rendersReports(String... quarters) {
    TaskStub stub = celery.stub(ReportService.RENDER).returns("report-" + quarters[0] + ".pdf");
    for (int i = 1; i < quarters.length; i++) {
      stub.thenReturns("report-" + quarters[i] + ".pdf");
    }
  }

  @Override
  void failsForMissingFigures(String quarter) {
    celery
        .stub(ReportService.RENDER)
        .fails(
            new RemoteTaskException(
                "ValueError", "builtins", List.of("no figures for " + quarter), null));
  }

  @Override
  void rendersSlowly(String quarter) {
    celery.stub(ReportService.RENDER).returns("report-" + quarter + ".pdf").takes(Duration.ofHours(1));
  }

  @Override
  void release(String quarter) {
    // virtual time: nothing runs on after the test
  }

  @Override
  void startsRunning(ReportService service, String id) {
    celery.worker().step(); // the render starts and will take an hour of virtual time
  }
}
