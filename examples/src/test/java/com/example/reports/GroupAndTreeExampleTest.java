package com.example.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.CollectedValue;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultTuple;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups saved by id, and whole result trees walked with collect() and drawn as DOT. */
class GroupAndTreeExampleTest {

  private final InMemoryCelery celery = InMemoryCelery.create();

  @Test
  void aBatchIsJoinedInMemberOrder() {
    // GIVEN a group of three page renders, saved as Celery's group.save() does
    List<AsyncResult<Object>> pages =
        List.of(celery.asyncResult("p1"), celery.asyncResult("p2"), celery.asyncResult("p3"));
    new GroupResult("batch-1", pages, celery).save();
    // ... page 2 finishes first, page 1 last
    celery.backend().store(TaskMeta.success("p2", "page two"));
    celery.backend().store(TaskMeta.success("p3", "page three"));
    celery.clock().schedule(Duration.ofSeconds(2), () -> celery.backend().store(TaskMeta.success("p1", "page one")));

    // THEN the service gets the pages in group order, not completion order
    var pagesRead = new ReportService(celery).awaitBatch("batch-1", Duration.ofSeconds(10));
    assertThat(pagesRead).containsExactly("page one", "page two", "page three");
  }

  @Test
  void aResultTreeIsCollectedBreadthFirst() {
    // GIVEN a task "root" that called two subtasks (Celery stores their tuples as children)
    celery
        .backend()
        .store(
            TaskMeta.builder("root", TaskState.SUCCESS)
                .result("fan-out")
                .children(List.of(ResultTuple.of("left", null), ResultTuple.of("right", null)))
                .build());
    celery.backend().store(TaskMeta.success("left", 1));
    celery.backend().store(TaskMeta.success("right", 2));
    AsyncResult<String> root = celery.asyncResult("root");

    // THEN collect() yields (result, value) for every node, breadth-first
    assertThat(root.collect().map(CollectedValue::value)).containsExactly("fan-out", 1, 2);
    // ... and the tree draws as Celery's DOT output
    assertThat(root.graph().toDot()).contains("\"root\" -> \"left\"", "\"root\" -> \"right\"");
  }

  @Test
  void cancellingARecordsTheRevokeRequest() {
    new ReportService(celery).cancel("r-9");

    // Every revoke request is recorded on the app's control, for assertions
    assertThat(celery.control().revoked()).containsExactly("r-9");
  }
}
