package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopScoredImagesTest {

  private static ScoredImage scored(String name, float max) {
    return new ScoredImage(name, 10, 10, max, 0f, 0, 0);
  }

  @Test
  void keepsTheStrongestKRankedWithTiesByNameWhateverTheArrivalOrder() {
    List<ScoredImage> images = List.of(scored("d", 1f), scored("b", 3f), scored("a", 2f),
        scored("c", 3f), scored("e", 0.5f));
    TopScoredImages forward = new TopScoredImages(3);
    images.forEach(forward::offer);
    TopScoredImages backward = new TopScoredImages(3);
    for (int i = images.size() - 1; i >= 0; i--) {
      backward.offer(images.get(i));
    }
    List<String> expected = List.of("b", "c", "a");
    assertEquals(expected, forward.ranked().stream().map(ScoredImage::name).toList());
    assertEquals(expected, backward.ranked().stream().map(ScoredImage::name).toList());
  }

  @Test
  void keepsAllWhenFewerArriveAndRefusesKBelowOne() {
    TopScoredImages top = new TopScoredImages(5);
    top.offer(scored("x", -1f));
    top.offer(scored("y", 4f));
    assertEquals(List.of("y", "x"), top.ranked().stream().map(ScoredImage::name).toList());
    assertThrows(IllegalArgumentException.class, () -> new TopScoredImages(0));
  }
}
