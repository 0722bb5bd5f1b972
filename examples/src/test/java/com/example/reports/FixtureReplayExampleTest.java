package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.junit.CeleryTest;
import io.celerykit.result.GroupResult;
import io.celerykit.result.RemoteTaskException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Replays results captured from a real Celery result store. The fixture holds the JSON Celery 5
 * stored under {@code celery-task-meta-<id>} and {@code celery-taskset-meta-<id>}, exactly.
 */
@CeleryTest(fixtures = "fixtures/captured-results.json")
class FixtureReplayExampleTest {

  @Test
  void aCapturedSuccessReadsAsInCelery(InMemoryCelery celery) {
    var service = new ReportService(celery);

    assertThat(service.status("task-a")).isEqualTo(ReportService.Status.DONE);
    assertThat(celery.asyncResult("task-a").get()).isEqualTo(5);
    // result_extended fields come back too
    assertThat(celery.asyncResult("task-a").name()).isEqualTo("wtasks.add");
    assertThat(celery.asyncResult("task-a").kwargs()).containsEntry("y", 3);
  }

  @Test
  void aCapturedPythonFailureIsARemoteTaskException(InMemoryCelery celery) {
    var service = new ReportService(celery);

    // The Python ValueError('boom') exists only as data: type, module and message are Python's.
    assertThatThrownBy(() -> service.awaitReport("task-b", Duration.ofSeconds(1)))
        .hasCauseInstanceOf(RemoteTaskException.class)
        .hasMessageContaining("ValueError: boom");
    RemoteTaskException cause = (RemoteTaskException) celery.asyncResult("task-b").result();
    assertThat(cause.excModule()).isEqualTo("builtins");
  }

  @Test
  void aCapturedGroupIsRestoredById(InMemoryCelery celery) {
    GroupResult group = GroupResult.restore("grp", celery);

    assertThat(group.size()).isEqualTo(5);
    assertThat(group.completedCount()).isEqualTo(1); // grp-0 succeeded; grp-2 failed
    assertThat(group.failed()).isTrue();
  }
}
