package io.celerykit.redis.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every scenario of the differential suite, in the order they run. */
final class AllScenarios {
  private AllScenarios() {}

  /**
   * Returns every scenario.
   *
   * @throws IllegalStateException when two scenarios share a name
   */
  static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    all.addAll(SuccessScenarios.all());
    all.addAll(FailureScenarios.all());
    all.addAll(RetryScenarios.all());
    all.addAll(StorageScenarios.all());
    all.addAll(WaitScenarios.all());
    all.addAll(TreeScenarios.all());
    all.addAll(CanvasScenarios.all());
    all.addAll(RevokeScenarios.all());
    Set<String> names = new HashSet<>();
    for (Scenario s : all) {
      if (!names.add(s.name())) {
        throw new IllegalStateException("two scenarios are named " + s.name());
      }
    }
    return List.copyOf(all);
  }
}
