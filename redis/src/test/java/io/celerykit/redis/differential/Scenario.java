package io.celerykit.redis.differential;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scenario of the differential suite: a name, the settings it runs under, what it needs of the
 * Redis engine, the body, and the differences between the engines that are known and expected (each
 * under a named {@link KnownDifference}, at the labels where it shows). Immutable.
 *
 * <pre>{@code
 * Scenario.of("a ValueError keeps its type and message", run -> {
 *       AsyncResult<Object> r = run.app().sendTask("diff.fail", "value", "bad");
 *       Steps.settle(run, "failed", r);   // get, the result API's view, the stored meta
 *     })
 *     .expect(KnownDifference.TIMEOUT_HINT_NAMES_THE_ENGINE,
 *         "failed.get");
 * }</pre>
 *
 * @param name what the scenario shows, as a sentence
 * @param profile the settings
 * @param needs what the Redis engine must support
 * @param body the body
 * @param expected the known differences
 */
record Scenario(
    String name,
    Profile profile,
    Set<Capability> needs,
    ScenarioBody body,
    List<Expected> expected) {

  /**
   * A known difference at some labels: the scenario passes only if exactly these labels differ.
   *
   * @param reason the named reason
   * @param labels the labels where it shows
   */
  record Expected(KnownDifference reason, Set<String> labels) {}

  Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(profile, "profile");
    needs = Set.copyOf(needs);
    Objects.requireNonNull(body, "body");
    expected = List.copyOf(expected);
  }

  /** Makes a scenario under the {@link Profile#EXTENDED} settings that needs plain sends only. */
  static Scenario of(String name, ScenarioBody body) {
    return new Scenario(name, Profile.EXTENDED, Set.of(), body, List.of());
  }

  /** Returns the scenario under other settings. */
  Scenario under(Profile other) {
    return new Scenario(name, other, needs, body, expected);
  }

  /** Returns the scenario needing more of the Redis engine. */
  Scenario needs(Capability first, Capability... more) {
    Set<Capability> all =
        needs.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(needs);
    all.add(first);
    all.addAll(List.of(more));
    return new Scenario(name, profile, all, body, expected);
  }

  /** Returns the scenario expecting a known difference at the labels. */
  Scenario expect(KnownDifference reason, String... labels) {
    if (labels.length == 0) {
      throw new IllegalArgumentException("name the labels where " + reason + " shows");
    }
    List<Expected> more = new ArrayList<>(expected);
    more.add(new Expected(reason, Set.of(labels)));
    return new Scenario(name, profile, needs, body, more);
  }

  @Override
  public String toString() {
    return name;
  }
}
