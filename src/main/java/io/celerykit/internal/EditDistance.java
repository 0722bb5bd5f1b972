package io.celerykit.internal;

/** Levenshtein distance between two texts, for "did you mean" reports. Not API. */
public final class EditDistance {
  private EditDistance() {}

  /**
   * Returns how many single-character insertions, deletions and substitutions turn one text into
   * the other.
   *
   * @param a a text
   * @param b another text
   * @return the distance, 0 when they are equal
   */
  public static int between(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }
}
