package io.celerykit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A contract piece whose test class does not say how to make the backend fails with the fix. */
class ContractPieceWithoutBackendTest {

  /** Extends one piece and forgets {@code createBackend()}. */
  static class ForgetsTheBackend extends GroupContract {}

  @Test
  void everyTestOfAPieceWithoutCreateBackendFailsNamingTheClassAndTheHook() {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ForgetsTheBackend.class))
            .execute()
            .testEvents();

    events.assertStatistics(s -> s.succeeded(0));
    assertThat(events.failed().count()).isPositive();
    assertThat(events.failed().stream())
        .allSatisfy(
            e ->
                assertThat(
                        e.getPayload(TestExecutionResult.class)
                            .orElseThrow()
                            .getThrowable()
                            .orElseThrow())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(
                        ForgetsTheBackend.class.getName()
                            + " does not say how to make the backend under test;"
                            + " override createBackend()"));
  }
}
