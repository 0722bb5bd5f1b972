package io.celerykit.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.celerykit.app.InMemoryCelery;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void storedResultIsReadAndTimeoutIsVirtual() {
    InMemoryCelery app = InMemoryCelery.create();
    app.backend().store(TaskMeta.success("t1", 42));
    AsyncResult<Integer> r = app.asyncResult("t1");
    assertThat(r.get()).isEqualTo(42);
    AsyncResult<Integer> never = app.asyncResult("never");
    assertThatThrownBy(() -> never.get(Duration.ofHours(1)))
        .isInstanceOf(ResultTimeoutException.class)
        .hasMessageStartingWith("The operation timed out.");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofHours(1));
    assertThatThrownBy(never::get).isInstanceOf(WouldBlockForeverException.class);
    app.clock()
        .schedule(Duration.ofSeconds(3), () -> app.backend().store(TaskMeta.success("later", "x")));
    assertThat(app.<String>asyncResult("later").get(Duration.ofSeconds(10))).isEqualTo("x");
    assertThat(app.clock().elapsed()).isEqualTo(Duration.ofHours(1).plusSeconds(3));
    AsyncResult<Object> c3 =
        new AsyncResult<>("c3", app, new AsyncResult<>("c2", app, new AsyncResult<>("c1", app)));
    assertThat(c3.asTuple().toList().toString())
        .isEqualTo("[[c3, [[c2, [[c1, null], null]], null]], null]");
    assertThat(c3.asList()).containsExactly("c3", "c2", "c1");
    assertThat(ResultTuple.toResult(c3.asTuple(), app)).isEqualTo(c3);
    app.backend()
        .store(
            TaskMeta.builder("c1", TaskState.SUCCESS)
                .children(java.util.List.of(ResultTuple.of("k", null)))
                .build());
    app.backend().store(TaskMeta.success("k", 1));
    AsyncResult<Object> c1 = app.asyncResult("c1");
    assertThat(c1.graph().toDot()).contains("\"c1\" -> \"k\"");
  }
}
