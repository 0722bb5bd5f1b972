package io.celerykit.app;

import java.util.List;

/**
 * A sent task that a verification looked for but that did not match, with how close it came, as
 * WireMock's near misses: the same task name with other arguments, a name a typo away, or the same
 * arguments under another name. Listed closest first by {@link SentTasks#nearMisses}. Immutable.
 */
public final class NearMiss {

  /** How a send came close. */
  public enum Kind {
    /** The same task name; arguments, options or conditions differ. */
    SAME_NAME,
    /** A task name one or two edits away (a typo); its arguments may differ too. */
    SIMILAR_NAME,
    /** The same arguments under another task name. */
    SAME_ARGUMENTS
  }

  private final SentTask sent;
  private final Kind kind;
  private final int nameDistance;
  private final List<String> differences;

  NearMiss(SentTask sent, Kind kind, int nameDistance, List<String> differences) {
    this.sent = sent;
    this.kind = kind;
    this.nameDistance = nameDistance;
    this.differences = List.copyOf(differences);
  }

  /**
   * Returns the send.
   *
   * @return the sent task
   */
  public SentTask sent() {
    return sent;
  }

  /**
   * Returns how it came close.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns how many edits separate its name from the expected one (0 for the same name).
   *
   * @return the edit distance
   */
  public int nameDistance() {
    return nameDistance;
  }

  /**
   * Returns what differs, one line each, e.g. {@code args[0]: expected 'INV-1' but was 'INV-2'}.
   *
   * @return the differences
   */
  public List<String> differences() {
    return differences;
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
