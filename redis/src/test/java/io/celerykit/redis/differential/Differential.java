package io.celerykit.redis.differential;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a scenario on both engines and judges the comparison: identical, or differing exactly where
 * its known differences say. Anything else fails with both sides printed.
 */
final class Differential {
  /** Set this system property to print every scenario's comparison, not only failing ones. */
  static final String VERBOSE = "differential.verbose";

  private final InMemorySide inMemory;
  private final RedisSide redis;
  private final Summary summary;

  Differential(InMemorySide inMemory, RedisSide redis, Summary summary) {
    this.inMemory = inMemory;
    this.redis = redis;
    this.summary = summary;
  }

  /**
   * Checks a scenario: the in-memory half always runs; the Redis half is skipped (an aborted test)
   * when the engine lacks a capability the scenario needs.
   *
   * @throws AssertionError when the sides differ other than expected
   */
  void check(Scenario scenario) {
    try {
      compare(scenario);
    } catch (AssertionError e) {
      summary.failed(scenario);
      throw e;
    }
  }

  private void compare(Scenario scenario) {
    List<Observation> left =
        observe("in-memory", scenario, inMemory.open(scenario.profile()), () -> "");
    Set<Capability> missing = EnumSet.noneOf(Capability.class);
    for (Capability c : scenario.needs()) {
      if (!redis.supports(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      summary.skipped(scenario, missing);
      Assumptions.abort(
          "skipped: needs "
              + missing
              + ", which RedisCelery does not support yet (it throws"
              + " UnsupportedOperationException); the in-memory half ran ("
              + left.size()
              + " observations)");
    }
    List<Observation> right;
    try {
      right = observe("redis", scenario, redis.open(scenario.profile()), redis::workerLogs);
    } catch (UnsupportedOperationException e) {
      throw new AssertionError(
          "the scenario uses what RedisCelery does not support yet, but does not declare it:"
              + " add needs(...) with the capability",
          e);
    }
    judge(scenario, left, right);
  }

  /**
   * Runs a scenario's body on one engine and returns what it recorded; the session is closed and
   * every release key released, whatever happens.
   *
   * @param side the engine's name, for messages
   * @param diagnostics what to add to the message when the body raises (the workers' logs)
   * @throws AssertionError when the body raises anything but {@link UnsupportedOperationException}
   */
  static List<Observation> observe(
      String side, Scenario scenario, Session session, Supplier<String> diagnostics) {
    Run run = new Run(session);
    try (session) {
      try {
        scenario.body().run(run);
      } finally {
        run.releaseTheRest();
      }
    } catch (UnsupportedOperationException | AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(
          "scenario \""
              + scenario.name()
              + "\" raised on the "
              + side
              + " side after recording:\n"
              + run.observations()
              + "\n"
              + diagnostics.get(),
          e);
    }
    return run.observations();
  }

  private void judge(Scenario scenario, List<Observation> left, List<Observation> right) {
    Set<String> hosts = Set.of(scenario.profile().hostname());
    Comparison c =
        Comparison.of(Normalizer.normalize(left, hosts), Normalizer.normalize(right, hosts));
    if (Boolean.getBoolean(VERBOSE)) {
      System.out.println("==== " + scenario.name() + "\n" + c.report());
    }
    if (Verdict.of(scenario, c) == Verdict.IDENTICAL) {
      summary.identical(scenario);
    } else {
      summary.expectedDifferences(scenario);
    }
  }
}
