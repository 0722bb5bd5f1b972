package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.assertj.CeleryAssertions;
import io.celerykit.awaitility.CeleryConditions;
import io.celerykit.junit.CeleryTest;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Threaded mode: the worker runs tasks on real threads, for code that needs real concurrency.
 * Wait with Awaitility, never with sleeps.
 */
@CeleryTest(threaded = true)
class ThreadedAwaitilityExampleTest {

  @Test
  void aReportRenderedOnAWorkerThreadIsAwaited(InMemoryCelery celery) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    celery.task(
        "reports.render",
        (String quarter) -> {
          release.await(); // the render waits until the test lets it finish
          return "report for " + quarter;
        });

    AsyncResult<String> report = celery.sendTask("reports.render", "2026-Q3");
    assertThat(report.ready()).isFalse(); // running on a worker thread, blocked

    release.countDown();
    await().atMost(Duration.ofSeconds(10)).until(CeleryConditions.ready(report));

    assertThat(report.state()).isEqualTo(TaskState.SUCCESS);
    assertThat(report.get()).isEqualTo("report for 2026-Q3");
  }

  @Test
  void awaitUntilAssertedWithCeleryAssertions(InMemoryCelery celery) {
    celery.task("reports.render", (String quarter) -> "report for " + quarter);

    AsyncResult<String> report = celery.sendTask("reports.render", "2026-Q1");

    // The documented pattern: Awaitility retries the assertion until it passes.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> CeleryAssertions.assertThat(report).isSuccessful());
  }

  @Test
  void getBlocksInRealTimeAndIsWokenWhenTheResultIsStored(InMemoryCelery celery) {
    celery.task("reports.render", (String quarter) -> "report for " + quarter);

    AsyncResult<String> report = celery.sendTask("reports.render", "2026-Q4");

    // In threaded mode get() blocks the test thread until a worker thread stores the result.
    assertThat(report.get(Duration.ofSeconds(10))).isEqualTo("report for 2026-Q4");
  }
}
