package io.celerykit.app;

import java.util.List;

/**
 * A sent task that a verification looked for but that did not match, with how close it came, as
 * WireMock's near misses: the same task name with other arguments, a name a typo away, or the same
 * arguments under another name. Listed closest first by {@link SentTasks#nearMisses}. Immutable.
 *
 * @param sent the send
 * @param kind how it came close
 * @param nameDistance how many edits separate its name from the expected one (0 for the same name)
 * @param differences what differs, one line each, e.g. {@code args[0]: expected 'INV-1' but was
 *     'INV-2'}
 */
public record NearMiss(SentTask sent, Kind kind, int nameDistance, List<String> differences) {

  /** How a send came close. */
  public enum Kind {
    /** The same task name; arguments, options or conditions differ. */
    SAME_NAME,
    /** A task name one or two edits away (a typo); its arguments may differ too. */
    SIMILAR_NAME,
    /** The same arguments under another task name. */
    SAME_ARGUMENTS
  }

  /**
   * Copies the differences.
   *
   * @param sent the send
   * @param kind how it came close
   * @param nameDistance how many edits separate its name from the expected one
   * @param differences what differs, one line each
   */
  public NearMiss {
    differences = List.copyOf(differences);
  }

  /**
   * Describes the near miss: the send, then its differences.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return sent + " " + differences;
  }
}
