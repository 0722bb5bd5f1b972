package com.example.reports;

import static io.celerykit.assertj.CeleryAssertions.*;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.ResultTimeoutException;
import io.celerykit.result.TaskState;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's quickstart, imports and body line for line, so that it keeps working. */
class QuickstartExampleTest {

  @Test
  void quickstart() {
    InMemoryCelery app = InMemoryCelery.create();                       // clock, backend, control, worker
    Task<Integer> add = app.task("tasks.add", (Integer x, Integer y) -> x + y);

    AsyncResult<Integer> r = add.delay(2, 3);
    assertThat(r.state()).isEqualTo(TaskState.PENDING);                 // nothing runs until needed
    assertThat(r.get()).isEqualTo(5);                                   // get() drives the worker

    app.stub("tasks.report").retries(2, new IOException("flaky")).thenReturns("pdf");
    AsyncResult<String> report = app.sendTask("tasks.report");
    assertThat(report.get(Duration.ofMinutes(10))).isEqualTo("pdf");    // two retries, 180 s apart...
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofSeconds(360)); // ...in virtual time

    AsyncResult<String> never = app.asyncResult("nobody-will-run-this");
    assertThatThrownBy(() -> never.get(Duration.ofHours(1)))            // times out at once in wall time
        .isInstanceOf(ResultTimeoutException.class);
  }
}
