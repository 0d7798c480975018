package io.featureviz.contracts.objective;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions: the candidates closest to a misspelt name. */
final class CloseNames {

  private CloseNames() {}

  /** Up to {@code limit} candidates within a few edits of {@code query}, closest first. */
  static List<String> closest(String query, Collection<String> candidates, int limit) {
    int tolerance = Math.max(2, query.length() / 3);
    return candidates.stream()
        .filter(candidate -> distance(query, candidate) <= tolerance)
        .sorted(Comparator.comparingInt((String c) -> distance(query, c)).thenComparing(c -> c))
        .limit(limit)
        .toList();
  }

  /** Case-insensitive Levenshtein distance. */
  static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}
