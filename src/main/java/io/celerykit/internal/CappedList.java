package io.celerykit.internal;

import java.util.List;
import java.util.function.Consumer;

/** Writes the first items of a list for a report, then how many more there are. Not API. */
public final class CappedList {
  private CappedList() {}

  /**
   * Calls {@code line} for each of the first {@code max} items, then, when items are left, appends
   * {@code more} with {@code %d} replaced by how many.
   *
   * @param <T> the item type
   * @param sb where the "more" line goes
   * @param items the items
   * @param max how many are written at the most
   * @param more the line for the rest, e.g. {@code " ... (%d more)\n"}
   * @param line writes one item
   */
  public static <T> void append(
      StringBuilder sb, List<? extends T> items, int max, String more, Consumer<? super T> line) {
    int shown = Math.min(max, items.size());
    for (int i = 0; i < shown; i++) {
      line.accept(items.get(i));
    }
    if (items.size() > max) {
      sb.append(more.replace("%d", String.valueOf(items.size() - max)));
    }
  }
}
