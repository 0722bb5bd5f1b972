package io.celerykit.app;

import io.celerykit.internal.Checks;
import io.celerykit.internal.EditDistance;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Predicate;

/**
 * The tasks an app sent, oldest first: a snapshot of {@link InMemoryCelery#sentTasks()}. An
 * unmodifiable list with what was dropped: the app keeps the last {@link
 * CeleryConfig#sentTaskCapacity()} sends (10,000 by default) and counts the older ones.
 *
 * <pre>{@code
 * SentTasks sent = app.sentTasks();
 * sent.named("invoices.render");                               // the sends of one task
 * sent.matching(task("invoices.render").withArgs("INV-1"));    // those matching a pattern
 * sent.nearMisses(task("invoice.render").withArgs("INV-1"));   // the closest ones that do not
 * }</pre>
 */
public final class SentTasks extends AbstractList<SentTask> implements RandomAccess {

  /** How many edits a task name may be away from the expected one to count as a typo. */
  static final int TYPO_EDITS = 2;

  private final List<SentTask> tasks;
  private final long dropped;
  private final int capacity;

  SentTasks(List<SentTask> tasks, long dropped, int capacity) {
    this.tasks = tasks;
    this.dropped = dropped;
    this.capacity = capacity;
  }

  /**
   * Returns a send.
   *
   * @param index its position, 0 for the oldest kept
   * @return the send
   */
  @Override
  public SentTask get(int index) {
    return tasks.get(index);
  }

  /**
   * Returns how many sends are kept.
   *
   * @return the count
   */
  @Override
  public int size() {
    return tasks.size();
  }

  /**
   * Returns how many older sends were dropped past the capacity (all of them when recording is
   * off).
   *
   * @return the count
   */
  public long dropped() {
    return dropped;
  }

  /**
   * Returns how many sends the app keeps; 0 when recording is switched off.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Returns the sends of one task name, oldest first.
   *
   * @param name the task name
   * @return the sends
   */
  public List<SentTask> named(String name) {
    Checks.requireNonBlank(name, "task name");
    return where(t -> t.name().equals(name));
  }

  /**
   * Returns the sends that match a pattern, oldest first.
   *
   * @param pattern the pattern, e.g. {@code task("invoices.render").withArgs("INV-1")}
   * @return the matching sends
   */
  public List<SentTask> matching(SentTaskPattern pattern) {
    Checks.requireNonNull(pattern, "pattern (start one with CeleryMatchers.task(name))");
    return where(pattern);
  }

  /**
   * Returns the sends that do not match a pattern but come close, closest first: those of the same
   * task name (fewest differences first), then those whose name is a typo away (one or two edits),
   * then those with the same arguments under another name. Others are not listed.
   *
   * @param pattern the pattern
   * @return the near misses
   */
  public List<NearMiss> nearMisses(SentTaskPattern pattern) {
    Checks.requireNonNull(pattern, "pattern (start one with CeleryMatchers.task(name))");
    List<NearMiss> out = new ArrayList<>();
    for (SentTask t : tasks) {
      if (pattern.test(t)) {
        continue;
      }
      int distance = EditDistance.between(pattern.name(), t.name());
      NearMiss.Kind kind;
      if (distance == 0) {
        kind = NearMiss.Kind.SAME_NAME;
      } else if (distance <= TYPO_EDITS) {
        kind = NearMiss.Kind.SIMILAR_NAME;
      } else if (pattern.constrainsArguments() && pattern.argumentsMatch(t)) {
        kind = NearMiss.Kind.SAME_ARGUMENTS;
      } else {
        continue;
      }
      out.add(new NearMiss(t, kind, distance, differences(pattern, t, kind, distance)));
    }
    out.sort(
        Comparator.comparing(NearMiss::kind)
            .thenComparingInt(NearMiss::nameDistance)
            .thenComparingInt(m -> m.differences().size())
            .thenComparingLong(m -> m.sent().sequence()));
    return List.copyOf(out);
  }

  private static List<String> differences(
      SentTaskPattern pattern, SentTask t, NearMiss.Kind kind, int distance) {
    List<String> out = new ArrayList<>(pattern.differences(t));
    if (kind == NearMiss.Kind.SIMILAR_NAME && !out.isEmpty() && out.get(0).startsWith("name:")) {
      out.set(0, out.get(0) + " (" + distance + (distance == 1 ? " edit" : " edits") + " away)");
    } else if (kind == NearMiss.Kind.SAME_ARGUMENTS && !out.isEmpty()) {
      out.set(0, out.get(0) + " (same arguments)");
    }
    return out;
  }

  private List<SentTask> where(Predicate<SentTask> test) {
    return tasks.stream().filter(test).toList();
  }
}
