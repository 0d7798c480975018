package io.featureviz.optvis.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.testing.TinyConvModel;
import org.junit.jupiter.api.Test;

class ObjectiveScorerTest {

  private static final int SIZE = TinyConvModel.INPUT_SIZE;

  /** A grey image whose one bright square drives the channel at some positions only. */
  private static RgbImage square() {
    float[] pixels = new float[SIZE * SIZE * 3];
    for (int i = 0; i < pixels.length; i++) {
      int x = i / 3 % SIZE;
      int y = i / 3 / SIZE;
      pixels[i] = x >= 8 && x < 16 && y >= 8 && y < 16 ? 1f : 0.5f;
    }
    return new RgbImage(SIZE, SIZE, pixels);
  }

  /** Scoring an image is compiling the objective on it: the scorer adds no transforms. */
  @Test
  void scoreIsTheObjectiveOnTheUntransformedImage() {
    RgbImage image = square();
    try (ObjectiveScorer channel = new ObjectiveScorer(new TinyConvModel(),
            ObjectiveSpec.parse("conv2:3"), SIZE);
        ObjectiveScorer sum = new ObjectiveScorer(new TinyConvModel(),
            ObjectiveSpec.parse("conv2:3 - 0.5*l1"), SIZE)) {
      // l1 of the image: the 64 bright pixels are 0.5 from grey, the other 960 are grey.
      double l1 = 0.5 * 64 / (SIZE * SIZE);
      assertEquals(channel.score(image) - 0.5 * l1, sum.score(image), 1e-5);
    }
  }

  @Test
  void imageOfAnotherSizeIsRejected() {
    try (ObjectiveScorer scorer = new ObjectiveScorer(new TinyConvModel(),
        ObjectiveSpec.parse("conv2:3"), SIZE)) {
      RgbImage small = new RgbImage(16, 16, new float[16 * 16 * 3]);
      assertThrows(IllegalArgumentException.class, () -> scorer.score(small));
    }
  }
}
