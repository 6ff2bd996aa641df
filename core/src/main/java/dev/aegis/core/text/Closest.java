package dev.aegis.core.text;

import java.util.Collection;
import java.util.Optional;

/** The likely intended name for a misspelt one: for "did you mean ...?" in messages. */
public final class Closest {
  private Closest() {}

  /**
   * The known name nearest to {@code unknown} by edit distance, when near enough to suggest: at most two edits, or a
   * quarter of the name's length for long names.
   *
   * @return the suggestion; empty when nothing is close or {@code known} is empty
   */
  public static Optional<String> to(String unknown, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(unknown, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, unknown.length() / 4) ? Optional.of(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
