package io.celerykit.internal;

import java.util.Collection;

/** The text a wait on many task ids gives when it runs out of time with none ready. Not API. */
public final class PendingIds {
  private PendingIds() {}

  /**
   * Returns {@code "N tasks, none ready (first: id)"} for the ids still awaited.
   *
   * @param remaining the ids not ready yet, in the order they were asked for
   * @return the text
   */
  public static String noneReady(Collection<String> remaining) {
    return remaining.size()
        + " tasks, none ready (first: "
        + (remaining.isEmpty() ? "-" : remaining.iterator().next())
        + ")";
  }
}
