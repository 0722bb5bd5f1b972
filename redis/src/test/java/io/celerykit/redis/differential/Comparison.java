package io.celerykit.redis.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The comparison of one scenario's normalised observations on the two engines: the labels whose
 * texts differ (or that only one side recorded), and a report that prints both sides.
 *
 * @param inMemory the in-memory side's observations, normalised
 * @param redis the Redis side's observations, normalised
 * @param differing the labels that differ, in the order they were first recorded
 */
record Comparison(List<Observation> inMemory, List<Observation> redis, Set<String> differing) {

  /** Compares two sides' normalised observations label by label. */
  static Comparison of(List<Observation> inMemory, List<Observation> redis) {
    Map<String, String> left = texts(inMemory);
    Map<String, String> right = texts(redis);
    Set<String> all = new LinkedHashSet<>(left.keySet());
    all.addAll(right.keySet());
    Set<String> differing = new LinkedHashSet<>();
    for (String label : all) {
      if (!Objects.equals(left.get(label), right.get(label))) {
        differing.add(label);
      }
    }
    List<String> leftOrder = new ArrayList<>(left.keySet());
    List<String> rightOrder = new ArrayList<>(right.keySet());
    if (differing.isEmpty() && !leftOrder.equals(rightOrder)) {
      differing.add("(order of observations)");
    }
    return new Comparison(List.copyOf(inMemory), List.copyOf(redis), differing);
  }

  private static Map<String, String> texts(List<Observation> observations) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Observation o : observations) {
      out.put(o.label(), o.text());
    }
    return out;
  }

  /** Tells whether both sides saw the same. */
  boolean identical() {
    return differing.isEmpty();
  }

  /** Prints both sides, label by label, marking with {@code !} the labels that differ. */
  String report() {
    Map<String, String> left = texts(inMemory);
    Map<String, String> right = texts(redis);
    Set<String> all = new LinkedHashSet<>(left.keySet());
    all.addAll(right.keySet());
    StringBuilder out = new StringBuilder();
    for (String label : all) {
      boolean differs = differing.contains(label);
      out.append(differs ? "! " : "  ").append(label).append('\n');
      if (differs) {
        out.append("    in-memory: ").append(shown(left.get(label))).append('\n');
        out.append("    redis:     ").append(shown(right.get(label))).append('\n');
      } else {
        out.append("    both:      ").append(shown(left.get(label))).append('\n');
      }
    }
    return out.toString();
  }

  private static String shown(String text) {
    return text == null ? "(not recorded)" : text.replace("\n", "\n               ");
  }
}
