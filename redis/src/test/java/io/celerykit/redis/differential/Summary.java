package io.celerykit.redis.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The tally of a run of the suite, printed at its end. Thread-safe. */
final class Summary {
  private final List<String> identical = new ArrayList<>();
  private final Map<String, Set<KnownDifference>> expected = new TreeMap<>();
  private final Map<String, Set<Capability>> skipped = new TreeMap<>();
  private final List<String> failed = new ArrayList<>();

  synchronized void identical(Scenario s) {
    identical.add(s.name());
  }

  synchronized void expectedDifferences(Scenario s) {
    Set<KnownDifference> reasons = new TreeSet<>();
    s.expected().forEach(e -> reasons.add(e.reason()));
    expected.put(s.name(), reasons);
  }

  synchronized void skipped(Scenario s, Set<Capability> missing) {
    skipped.put(s.name(), new TreeSet<>(missing));
  }

  synchronized void failed(Scenario s) {
    failed.add(s.name());
  }

  /** Renders the tally: counts, then each expected difference and skip by scenario. */
  synchronized String render() {
    int ran = identical.size() + expected.size() + failed.size();
    StringBuilder out = new StringBuilder();
    out.append("==== differential suite: ")
        .append(ran)
        .append(" scenarios ran on both engines: ")
        .append(identical.size())
        .append(" identical, ")
        .append(expected.size())
        .append(" with expected differences, ")
        .append(failed.size())
        .append(" failed; ")
        .append(skipped.size())
        .append(" skipped (the Redis engine lacks what they need)\n");
    expected.forEach(
        (name, reasons) ->
            out.append("  expected difference ")
                .append(reasons)
                .append(": ")
                .append(name)
                .append('\n'));
    skipped.forEach(
        (name, needs) ->
            out.append("  skipped, needs ").append(needs).append(": ").append(name).append('\n'));
    Map<KnownDifference, Integer> byReason = new TreeMap<>();
    expected.values().forEach(rs -> rs.forEach(r -> byReason.merge(r, 1, Integer::sum)));
    byReason.forEach(
        (reason, n) ->
            out.append("  ")
                .append(reason)
                .append(" (")
                .append(reason.kind())
                .append("): ")
                .append(n)
                .append(n == 1 ? " scenario\n" : " scenarios\n"));
    failed.forEach(name -> out.append("  FAILED: ").append(name).append('\n'));
    return out.toString();
  }
}
