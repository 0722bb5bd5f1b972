package io.celerykit.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.result.AsyncResult;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResultTreesTest {

  private final InMemoryCelery app = InMemoryCelery.create();

  @Test
  void drawsEachNodeWithItsStateAndValueOrException() {
    AsyncResult<Object> ok = app.seed().succeeded("ok", 4);
    AsyncResult<Object> bad = app.seed().failed("bad", new IllegalStateException("disk full"));
    AsyncResult<Object> root = app.seed().children(ok, bad).succeeded("root", "fan-out");

    assertThat(ResultTrees.render(root))
        .isEqualTo(
            "root SUCCESS 'fan-out'\n"
                + "├── ok SUCCESS 4\n"
                + "└── bad FAILURE RemoteTaskException: java.lang.IllegalStateException: disk full\n");
  }

  @Test
  void aRetriedTaskThatListsItselfAsChildIsDrawnOnce() {
    app.stub("t.flaky").retries(1, new IOException("busy")).thenReturns("x");
    AsyncResult<Object> r = app.sendTask("t.flaky");
    app.worker().step(); // first attempt: RETRY, children = [itself], as Celery stores it

    String drawing = ResultTrees.render(r);

    assertThat(drawing.lines().count()).isEqualTo(2);
    // The retry's exception is stored through the JSON serializer, as its remote form.
    assertThat(drawing).contains("RETRY RemoteTaskException: java.io.IOException: busy");
  }

  @Test
  void capsTheNumberOfNodes() {
    AsyncResult<Object> a = app.seed().succeeded("a", 1);
    AsyncResult<Object> b = app.seed().succeeded("b", 2);
    AsyncResult<Object> root = app.seed().children(a, b).succeeded("root", 0);

    assertThat(ResultTrees.render(root, 2)).endsWith("... 1 more nodes not shown\n");
  }
}
