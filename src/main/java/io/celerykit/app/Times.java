package io.celerykit.app;

/**
 * How many sends a verification expects, as Mockito's {@code times}, {@code atLeast}, {@code
 * atMost} and {@code never}. Immutable.
 */
public final class Times {
  private final int min;
  private final int max;

  private Times(int min, int max) {
    this.min = min;
    this.max = max;
  }

  /**
   * Expects exactly this many sends.
   *
   * @param count a count {@code >= 0}
   * @return the expectation
   */
  public static Times exactly(int count) {
    requireCount(count, "exactly");
    return new Times(count, count);
  }

  /**
   * Expects at least this many sends.
   *
   * @param count a count {@code >= 0}
   * @return the expectation
   */
  public static Times atLeast(int count) {
    requireCount(count, "atLeast");
    return new Times(count, Integer.MAX_VALUE);
  }

  /**
   * Expects at most this many sends.
   *
   * @param count a count {@code >= 0}
   * @return the expectation
   */
  public static Times atMost(int count) {
    requireCount(count, "atMost");
    return new Times(0, count);
  }

  /**
   * Expects no send.
   *
   * @return the expectation
   */
  public static Times never() {
    return new Times(0, 0);
  }

  /**
   * Tells whether a count meets the expectation.
   *
   * @param count how many sends matched
   * @return true when it does
   */
  public boolean accepts(int count) {
    return count >= min && count <= max;
  }

  /**
   * Tells whether the expectation is that nothing is sent ({@code never()}, {@code exactly(0)},
   * {@code atMost(0)}).
   *
   * @return true for "no send"
   */
  public boolean expectsNone() {
    return max == 0;
  }

  /**
   * Describes the expectation with its noun, e.g. {@code exactly 3 tasks}, {@code at least 1 task},
   * {@code no task}.
   *
   * @return the text
   */
  public String describe() {
    if (max == 0) {
      return "no task";
    }
    if (min == max) {
      return "exactly " + plural(min);
    }
    if (max == Integer.MAX_VALUE) {
      return "at least " + plural(min);
    }
    return "at most " + plural(max);
  }

  /** {@code 1 task}, {@code 3 tasks}. */
  static String plural(int count) {
    return count + (count == 1 ? " task" : " tasks");
  }

  private static void requireCount(int count, String what) {
    if (count < 0) {
      throw new IllegalArgumentException(
          what + "(count) needs a count >= 0, got " + count + "; use never() for none");
    }
  }

  /**
   * Describes the expectation.
   *
   * @return the text
   */
  @Override
  public String toString() {
    return describe();
  }
}
