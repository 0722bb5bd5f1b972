package io.celerykit.app;

import io.celerykit.internal.CappedList;
import io.celerykit.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks sent tasks against an expectation and writes what a failed verification says: what was
 * expected, what was sent, and the near misses closest first, as WireMock's verification reports
 * do. {@link CeleryVerification} and the AssertJ assertions ({@code
 * CeleryAssertions.assertThat(app).sent(...)}) report through it, so both say the same; use it to
 * build assertions of your own.
 *
 * <pre>
 * Expected at least 1 task matching:
 *   invoices.render('INV-1')
 * but no exactly matching task was sent. Closest first:
 *   - invoices.render('INV-2') [2b6c...]
 *       args[0]: expected 'INV-1' but was 'INV-2'
 *   - invoice.render('INV-1') [9f0e...]
 *       name: expected 'invoices.render' but was 'invoice.render' (1 edit away)
 * 2 tasks sent in all.
 * </pre>
 */
public final class VerificationReport {

  /** How many near misses a report shows at most. */
  static final int NEAR_MISSES = 5;

  /** How many sends a report lists at most. */
  static final int LISTED = 20;

  private VerificationReport() {}

  /**
   * Checks how many sends match a pattern; returns the report when the count is not the expected
   * one.
   *
   * @param sent the sends, e.g. {@code app.sentTasks()}
   * @param pattern what to look for
   * @param times how many are expected
   * @return the report, or empty when the verification passes
   */
  public static Optional<String> countFailure(
      SentTasks sent, SentTaskPattern pattern, Times times) {
    Checks.requireNonNull(sent, "sent tasks");
    Checks.requireNonNull(pattern, "pattern");
    Checks.requireNonNull(times, "times");
    List<SentTask> matches = sent.matching(pattern);
    if (times.accepts(matches.size())) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Expected ")
        .append(times.describe())
        .append(" matching:\n  ")
        .append(pattern.describe())
        .append('\n');
    if (matches.isEmpty()) {
      sb.append("but no exactly matching task was sent.");
      appendNearMisses(sb, sent.nearMisses(pattern), sent, " Closest first:\n", true);
    } else {
      sb.append("but ")
          .append(matches.size())
          .append(matches.size() == 1 ? " was sent:\n" : " were sent:\n");
      appendSends(sb, matches);
      if (!times.expectsNone()) {
        appendNearMisses(
            sb, sent.nearMisses(pattern), sent, "Closest of the other sends:\n", false);
      }
    }
    appendTotals(sb, sent);
    return Optional.of(sb.toString());
  }

  /**
   * Checks that sends matching the patterns were sent in this order, other sends allowed between
   * them (each pattern matched by a send after the one the pattern before it matched); returns the
   * report when they were not.
   *
   * @param sent the sends
   * @param order the patterns, in the expected order
   * @return the report, or empty when the verification passes
   */
  public static Optional<String> orderFailure(SentTasks sent, List<SentTaskPattern> order) {
    Checks.requireNonNull(sent, "sent tasks");
    Checks.requireNonNull(order, "order");
    if (order.isEmpty()) {
      throw new IllegalArgumentException(
          "give at least one task to verify the order of, such as \"invoices.render\"");
    }
    List<SentTask> matched = new ArrayList<>(order.size());
    int from = 0;
    int broken = -1;
    for (int i = 0; i < order.size(); i++) {
      SentTaskPattern p = Checks.requireNonNull(order.get(i), "order[" + i + "]");
      int at = -1;
      for (int j = from; j < sent.size(); j++) {
        if (p.test(sent.get(j))) {
          at = j;
          break;
        }
      }
      if (at < 0) {
        broken = i;
        break;
      }
      matched.add(sent.get(at));
      from = at + 1;
    }
    if (broken < 0) {
      return Optional.empty();
    }
    SentTaskPattern missing = order.get(broken);
    StringBuilder sb = new StringBuilder("Expected tasks sent in this order (others between them");
    sb.append(" allowed):\n");
    for (int i = 0; i < order.size(); i++) {
      sb.append("  ").append(i + 1).append(". ").append(order.get(i).describe()).append('\n');
    }
    sb.append("but no send matching ").append(broken + 1).append(". ");
    if (matched.isEmpty()) {
      sb.append("was sent at all.");
    } else {
      SentTask last = matched.get(matched.size() - 1);
      sb.append("came after #").append(last.sequence()).append(' ').append(last).append('.');
      List<SentTask> earlier = sent.matching(missing);
      if (!earlier.isEmpty()) {
        sb.append("\nIt was sent before that, too early:\n");
        appendSends(sb, earlier);
      }
    }
    if (matched.isEmpty() || sent.matching(missing).isEmpty()) {
      appendNearMisses(sb, sent.nearMisses(missing), sent, "\nClosest to it:\n", false);
      if (sb.charAt(sb.length() - 1) != '\n') {
        sb.append('\n');
      }
    }
    sb.append("Tasks sent, in order:\n");
    CappedList.append(
        sb,
        sent,
        LISTED,
        "  ... (%d more)\n",
        t -> {
          int index = matched.indexOf(t);
          sb.append("  #").append(t.sequence()).append(' ').append(t);
          if (index >= 0) {
            sb.append("   <- ").append(index + 1).append('.');
          }
          sb.append('\n');
        });
    appendTotals(sb, sent);
    return Optional.of(sb.toString());
  }

  private static void appendNearMisses(
      StringBuilder sb, List<NearMiss> misses, SentTasks sent, String heading, boolean inline) {
    if (misses.isEmpty()) {
      if (inline) {
        sb.append(sent.isEmpty() ? "\nNo task was sent at all.\n" : " None comes close.\n");
        if (!sent.isEmpty()) {
          sb.append("Tasks sent:\n");
          appendSends(sb, sent);
        }
      }
      return;
    }
    sb.append(heading);
    CappedList.append(
        sb,
        misses,
        NEAR_MISSES,
        "  ... (%d more near misses)\n",
        miss -> {
          sb.append("  - #")
              .append(miss.sent().sequence())
              .append(' ')
              .append(miss.sent())
              .append('\n');
          for (String difference : miss.differences()) {
            sb.append("      ").append(difference).append('\n');
          }
        });
  }

  private static void appendSends(StringBuilder sb, List<SentTask> sends) {
    CappedList.append(
        sb,
        sends,
        LISTED,
        "  ... (%d more)\n",
        t -> sb.append("  - #").append(t.sequence()).append(' ').append(t).append('\n'));
  }

  private static void appendTotals(StringBuilder sb, SentTasks sent) {
    if (sb.charAt(sb.length() - 1) != '\n') {
      sb.append('\n');
    }
    if (sent.capacity() == 0) {
      sb.append(
          "(sent tasks are not recorded: CeleryConfig.sentTaskCapacity is 0; set it above 0 to"
              + " verify sends)");
      return;
    }
    sb.append(Times.plural(sent.size())).append(" sent in all");
    if (sent.dropped() > 0) {
      sb.append("; ")
          .append(sent.dropped())
          .append(" earlier sends were dropped and are not counted (the app keeps the last ")
          .append(sent.capacity())
          .append("; raise CeleryConfig.sentTaskCapacity)");
    }
    sb.append('.');
  }
}
