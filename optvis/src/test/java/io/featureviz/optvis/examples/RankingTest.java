package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.ClassRef;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.CentreSquare;
import io.featureviz.optvis.image.PngEncoder;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.testing.SharedFiles;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code search} over the shared photos: what it ranks first, in what order, how repeatably. */
class RankingTest {

  private static final ObjectiveSpec DEEP_CHANNEL =
      ObjectiveSpec.of(new Channel("expanded_conv_16/project", 11));

  private final ImageModel mobilenet = SharedFiles.catalog().load("mobilenet_v2");

  @Test
  void ranksByMaxActivationAsEveryImageScoredAloneWouldTiesByName() {
    List<NamedImage> photos = SharedPhotos.all();
    List<DatasetExample> top =
        SharedPhotos.search(mobilenet, DEEP_CHANNEL, SharedPhotos.sources(), 4, 64);
    List<ScoredImage> alone;
    try (DatasetExampleSearch search = new DatasetExampleSearch(mobilenet, DEEP_CHANNEL, 64)) {
      alone = photos.stream().map(p -> search.score(p.name(), p.image())).toList();
    }
    assertEquals(4, top.size());
    for (int rank = 0; rank < top.size(); rank++) {
      assertEquals(rank, top.get(rank).rank());
      assertEquals(64, top.get(rank).crop().width());
      if (rank > 0) {
        assertTrue(top.get(rank).scored().maxActivation()
            <= top.get(rank - 1).scored().maxActivation(), "rank " + rank + " beats the one above");
      }
    }
    for (ScoredImage other : alone) {
      assertTrue(top.get(0).scored().maxActivation() >= other.maxActivation(),
          other.name() + " scores " + other.maxActivation() + " alone, above rank 0 " + top.get(0));
    }
    List<String> expected = alone.stream()
        .sorted((a, b) -> a.maxActivation() != b.maxActivation()
            ? Float.compare(b.maxActivation(), a.maxActivation()) : a.name().compareTo(b.name()))
        .limit(4).map(ScoredImage::name).toList();
    assertEquals(expected, top.stream().map(e -> e.scored().name()).toList());
  }

  @Test
  void returnsEveryImageWhenTopKExceedsTheirCount() {
    List<NamedImage> photos = SharedPhotos.all();
    List<DatasetExample> all =
        SharedPhotos.search(mobilenet, DEEP_CHANNEL, SharedPhotos.sources(), photos.size() + 5, 32);
    assertEquals(photos.size(), all.size());
    Set<String> names = all.stream().map(e -> e.scored().name()).collect(Collectors.toSet());
    assertEquals(photos.stream().map(NamedImage::name).collect(Collectors.toSet()), names);
    assertEquals(photos.size() - 1, all.get(all.size() - 1).rank());
  }

  @Test
  void givesByteIdenticalCropsOnEveryRun() {
    List<DatasetExample> first =
        SharedPhotos.search(mobilenet, DEEP_CHANNEL, SharedPhotos.sources(), 3, 96);
    List<DatasetExample> second =
        SharedPhotos.search(mobilenet, DEEP_CHANNEL, SharedPhotos.sources(), 3, 96);
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).scored(), second.get(i).scored());
      assertEquals(first.get(i).box(), second.get(i).box());
      assertArrayEquals(PngEncoder.encode(first.get(i).crop()),
          PngEncoder.encode(second.get(i).crop()));
    }
  }

  @Test
  void aClassChannelRanksItsOwnPhotoFirstAndFramesTheWholeSquareItSees() {
    // The logits as a 1x1 convolution: one unit per class, which depends on the whole input.
    int hotDog = ClassRef.label("hot dog").indexIn(mobilenet.info().labels()).orElseThrow();
    List<DatasetExample> top = SharedPhotos.search(mobilenet,
        ObjectiveSpec.of(new Channel("Logits/Conv2d_1c_1x1", hotDog)), SharedPhotos.sources(), 2,
        64);
    assertEquals("hot_dog.jpg", top.get(0).scored().name());
    ScoredImage scored = top.get(0).scored();
    CentreSquare seen = CentreSquare.of(scored.sourceWidth(), scored.sourceHeight());
    assertEquals(new CropBox(seen.x(), seen.y(), seen.side(), seen.side()), top.get(0).box());
  }
}
