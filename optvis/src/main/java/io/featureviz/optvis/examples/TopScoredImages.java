package io.featureviz.optvis.examples;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The k scored images that drive a channel hardest among any number offered, kept in O(k)
 * memory, so a search can stream a large dataset. Not thread-safe.
 */
public final class TopScoredImages {

  /** Largest activation first; equal ones by name, so the order never depends on arrival. */
  public static final Comparator<ScoredImage> RANKING =
      Comparator.comparing(ScoredImage::maxActivation, Comparator.reverseOrder())
          .thenComparing(ScoredImage::name);

  private final int k;
  // The weakest kept image at the head, to be dropped when a stronger one arrives.
  private final PriorityQueue<ScoredImage> kept = new PriorityQueue<>(RANKING.reversed());

  /** @throws IllegalArgumentException unless {@code k} is at least 1 */
  public TopScoredImages(int k) {
    this.k = checkK(k);
  }

  /** @return {@code k} @throws IllegalArgumentException unless it is at least 1 */
  public static int checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("top k must be at least 1, got " + k);
    }
    return k;
  }

  public void offer(ScoredImage scored) {
    kept.add(scored);
    if (kept.size() > k) {
      kept.poll();
    }
  }

  /** The kept images, rank 0 first: at most k, fewer when fewer were offered. */
  public List<ScoredImage> ranked() {
    return kept.stream().sorted(RANKING).toList();
  }
}
