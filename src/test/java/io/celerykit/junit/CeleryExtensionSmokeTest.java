package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.backend.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class CeleryExtensionSmokeTest {

  @CeleryTest(strict = true)
  static class Sample {
    @Test
    void consumes(InMemoryCelery app, VirtualClock clock) {
      app.task("t.one", () -> 1);
      assertThat(app.sendTask("t.one").get()).isEqualTo(1);
      assertThat(clock).isSameAs(app.clock());
    }

    @Test
    void leavesOneUnconsumed(InMemoryCelery app) {
      app.task("t.one", () -> 1);
      app.sendTask("t.one");
    }

    @Test
    void failsWithReport(InMemoryCelery app) {
      app.task("t.boom", () -> { throw new IllegalStateException("boom"); });
      app.sendTask("t.boom").get();
    }
  }

  @Test
  void runsSampleClass() {
    Events events =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Sample.class)).execute().testEvents();
    events.assertStatistics(s -> s.succeeded(1).failed(2));
    assertThat(events.failed().stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()))
        .anySatisfy(t -> assertThat(t).hasMessageContaining("never consumed"))
        .anySatisfy(t -> assertThat(t.getSuppressed()).anySatisfy(s -> assertThat(s).hasMessageContaining("task-failed")));
  }
}
