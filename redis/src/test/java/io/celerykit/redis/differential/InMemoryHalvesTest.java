package io.celerykit.redis.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The in-memory half of every scenario of the differential suite, without Redis: it runs, records
 * something, and records the same on a second run (the double is deterministic, so a difference the
 * suite reports comes from the engines, not from chance).
 */
class InMemoryHalvesTest {
  private final InMemorySide side = new InMemorySide();

  @TestFactory
  Stream<DynamicTest> everyScenarioRunsInMemoryAndRepeatsItself() {
    return AllScenarios.all().stream()
        .map(s -> DynamicTest.dynamicTest(s.name(), () -> runsTwiceAlike(s)));
  }

  private void runsTwiceAlike(Scenario s) {
    Set<String> hosts = Set.of(s.profile().hostname());
    List<Observation> first = Normalizer.normalize(observe(s), hosts);
    List<Observation> second = Normalizer.normalize(observe(s), hosts);

    assertThat(first).isNotEmpty();
    assertThat(second).isEqualTo(first);
  }

  private List<Observation> observe(Scenario s) {
    return Differential.observe("in-memory", s, side.open(s.profile()), () -> "");
  }
}
