package com.example.reports;

import io.celerykit.app.Celery;
import io.celerykit.redis.RedisCelery;
import io.celerykit.redis.testing.CeleryWorkerProcess;
import io.celerykit.redis.testing.RealCelery;
import io.celerykit.redis.testing.RedisProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report service's scenarios on the Redis engine, against a real redis-server and a real
 * Celery 5.2.6 worker (prefork, so that abort can terminate a running render) that run {@code
 * src/test/python/reports_tasks.py}. Run with {@code mvn -f examples/pom.xml test -Preal-celery}.
 */
@Tag("real-celery")
class RedisReportServiceTest extends ReportServiceScenarios {

  @RegisterExtension
  static final RealCelery real =
      RealCelery.withWorker(
          w ->
              w.module("reports_tasks")
                  .pool(CeleryWorkerProcess.Pool.PREFORK, 2)
                  .taskTrackStarted(true)
                  .name("reports"));

  private static RedisCelery celery;
  private static RedisProbe probe;

  @BeforeAll
  static void connect() {
    celery = RedisCelery.connect(real.url());
    probe = RedisProbe.connect(real.url());
  }

  @AfterAll
  static void disconnect() {
    celery.close();
    probe.close();
  }

  @Override
  Celery celery() {
    return celery;
  }

  @Override
  void rendersReports(String... quarters) {
    // reports_tasks.render returns report-<quarter>.pdf
  }

  @Override
  void failsForMissingFigures(String quarter) {
    // reports_tasks.render raises ValueError for a bad- quarter
  }

  @Override
  void rendersSlowly(String quarter) {
    // reports_tasks.render of a slow- quarter waits on release:<quarter>
  }

  @Override
  void release(String quarter) {
    probe.commands().rpush("release:" + quarter, "go");
  }

  @Override
  void startsRunning(ReportService service, String id) {
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> service.status(id) == ReportService.Status.RUNNING);
  }
}
