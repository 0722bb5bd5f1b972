package com.example.reports;

import static io.celerykit.assertj.CeleryAssertions.assertThat;
import static io.celerykit.assertj.CeleryAssertions.assertThatTree;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.assertj.CelerySoftAssertions;
import io.celerykit.junit.CeleryTest;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.RemoteTaskException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fluent assertions on results, sets, whole result trees and the event journal. Their failure
 * messages show the actual result first and draw its tree with every node's state.
 */
@CeleryTest
class AssertionsExampleTest {

  @Test
  void assertOnAResultAndWaitInVirtualTime(InMemoryCelery celery) {
    celery.stub("reports.render").returns("pdf").takes(Duration.ofSeconds(30));
    AsyncResult<String> report = celery.sendTask("reports.render", "2026-Q3");

    assertThat(report).isPending();
    assertThat(report).succeedsWithin(Duration.ofMinutes(1)).isEqualTo("pdf");
    assertThat(report).isSuccessful().hasResult("pdf");
    assertThat(celery.journal())
        .containsSequence(report.id(), "task-sent", "task-received", "task-started", "task-succeeded");
  }

  @Test
  void assertOnAFailure(InMemoryCelery celery) {
    // A seeded failure carries the traceback you give it, as Celery's mark_as_failure does.
    // Under the JSON serializer (the default) it reads back as a real backend delivers it: a
    // RemoteTaskException named after the exception's class, message "Type: text".
    AsyncResult<Object> broken =
        celery
            .seed()
            .failed(
                "r-1",
                new IllegalStateException("no data for Q3"),
                "Traceback (most recent call last):\n  File \"reports.py\", line 7, in build\n");

    assertThat(broken).hasFailed().hasTraceback();
    assertThat(broken)
        .failedWith(RemoteTaskException.class)
        .hasMessage("java.lang.IllegalStateException: no data for Q3");
    assertThat(broken).failedWith(IllegalStateException.class).hasMessageEndingWith("no data for Q3");
  }

  @Test
  void assertOnAWholeResultTree(InMemoryCelery celery) {
    AsyncResult<Object> page1 = celery.seed().succeeded("page-1", 10);
    AsyncResult<Object> page2 = celery.seed().succeeded("page-2", 20);
    AsyncResult<Object> book = celery.seed().children(page1, page2).succeeded("book", "bound");

    assertThatTree(book).allNodesAreSuccessful().hasNodeCount(3).hasDepth(1);
    assertThatTree(book).collectedValues().containsExactly("bound", 10, 20);
    assertThatTree(book).node("page-2").hasResult(20);
  }

  @Test
  void softAssertionsReportEverythingThatIsWrongAtOnce(InMemoryCelery celery) {
    AsyncResult<Object> done = celery.seed().succeeded("r-2", "pdf");

    CelerySoftAssertions softly = new CelerySoftAssertions();
    softly.assertThat(done).isSuccessful();
    softly.assertThat(done).hasResult("pdf");
    softly.assertAll();
  }
}
