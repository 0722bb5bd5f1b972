package io.celerykit.redis.differential;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The judgement of one scenario's comparison: identical, or differing exactly at the labels of its
 * known differences (a declared {@code prefix.*} stands for every label under the prefix). Anything
 * else is an {@link AssertionError} that prints both sides: a new difference, or a known one that
 * no longer shows (the double or the engine was fixed, and the marker must go).
 */
enum Verdict {
  /** Both engines saw the same. */
  IDENTICAL,
  /** The engines differ exactly where the scenario's known differences say. */
  EXPECTED_DIFFERENCES;

  /**
   * Judges a comparison against the scenario's known differences.
   *
   * @throws AssertionError when the differing labels are not exactly the declared ones
   */
  static Verdict of(Scenario scenario, Comparison c) {
    Set<String> unexpected = new LinkedHashSet<>();
    for (String label : c.differing()) {
      if (scenario.expected().stream().noneMatch(e -> matchesAny(e.labels(), label))) {
        unexpected.add(label);
      }
    }
    boolean allShown =
        scenario.expected().stream()
            .allMatch(e -> e.labels().stream().allMatch(p -> matchesSome(p, c.differing())));
    if (unexpected.isEmpty() && allShown) {
      return scenario.expected().isEmpty() ? IDENTICAL : EXPECTED_DIFFERENCES;
    }
    StringBuilder why = new StringBuilder();
    why.append("scenario \"").append(scenario.name()).append("\": ");
    if (!unexpected.isEmpty()) {
      why.append("the engines differ at ").append(unexpected).append("; ");
    }
    for (Scenario.Expected e : scenario.expected()) {
      Set<String> shown = new LinkedHashSet<>();
      for (String pattern : e.labels()) {
        if (matchesSome(pattern, c.differing())) {
          shown.add(pattern);
        }
      }
      if (shown.isEmpty()) {
        why.append("the expected difference ")
            .append(e.reason())
            .append(" no longer shows at ")
            .append(e.labels())
            .append(" (fixed? remove its marker); ");
      } else if (!shown.equals(e.labels())) {
        Set<String> gone = new LinkedHashSet<>(e.labels());
        gone.removeAll(shown);
        why.append("the expected difference ")
            .append(e.reason())
            .append(" no longer shows at ")
            .append(gone)
            .append("; ");
      }
    }
    why.append('\n').append(c.report());
    throw new AssertionError(why.toString());
  }

  /**
   * Tells whether a declared label matches an observed one: equal, or, for a declared {@code
   * prefix.*}, any label under the prefix.
   */
  static boolean matches(String pattern, String label) {
    return pattern.endsWith(".*")
        ? label.startsWith(pattern.substring(0, pattern.length() - 1))
        : pattern.equals(label);
  }

  private static boolean matchesAny(Set<String> patterns, String label) {
    return patterns.stream().anyMatch(p -> matches(p, label));
  }

  private static boolean matchesSome(String pattern, Set<String> labels) {
    return labels.stream().anyMatch(l -> matches(pattern, l));
  }
}
