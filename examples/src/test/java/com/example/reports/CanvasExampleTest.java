package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.Canvas;
import io.celerykit.result.ChordException;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.Task;
import io.celerykit.junit.CeleryTest;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups, chains and chords, with Celery's semantics (parents, chord errors). */
@CeleryTest
class CanvasExampleTest {

  @Test
  void aGroupRendersPagesInParallelAndJoinsInOrder(InMemoryCelery celery) {
    Task<String> page = celery.task("reports.page", (Integer n) -> "page " + n);

    GroupResult pages = Canvas.group(page.s(1), page.s(2), page.s(3)).applyAsync();

    assertThat(pages.join()).containsExactly("page 1", "page 2", "page 3");
  }

  @Test
  void aChainPassesEachValueToTheNextStep(InMemoryCelery celery) {
    Task<Integer> count = celery.task("reports.count", (String q) -> q.length());
    Task<Integer> times = celery.task("reports.times", (Integer n, Integer k) -> n * k);

    AsyncResult<Integer> last = Canvas.chain(count.s("2026-Q3"), times.s(10)).applyAsync();

    assertThat(last.get()).isEqualTo(70);
    assertThat(last.parent()).isNotNull(); // the chain's first step, as in Celery
  }

  @Test
  void aChordBindsThePagesOnceAllAreRendered(InMemoryCelery celery) {
    Task<String> page = celery.task("reports.page", (Integer n) -> "page " + n);
    Task<String> bind = celery.task("reports.bind", (List<String> pages) -> String.join(" | ", pages));

    AsyncResult<String> book = Canvas.chord(List.of(page.s(1), page.s(2)), bind.s()).applyAsync();

    assertThat(book.get()).isEqualTo("page 1 | page 2");
  }

  @Test
  void aFailingPageFailsTheChordWithCelerysChordError(InMemoryCelery celery) {
    Task<String> page =
        celery.task(
            "reports.page",
            (Integer n) -> {
              if (n == 2) {
                throw new IllegalStateException("page 2 is corrupt");
              }
              return "page " + n;
            });
    Task<String> bind = celery.task("reports.bind", (List<String> pages) -> String.join(" | ", pages));

    AsyncResult<String> book = Canvas.chord(List.of(page.s(1), page.s(2)), bind.s()).applyAsync();

    assertThatThrownBy(book::get)
        .isInstanceOf(ChordException.class)
        .hasMessageContaining("Dependency")
        .hasMessageContaining("raised IllegalStateException('page 2 is corrupt')");
  }
}
