package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.optvis.image.DecodedImage;
import io.featureviz.optvis.image.RgbImage;
import org.junit.jupiter.api.Test;

/** From a subsampled image's pixels back to its original's. */
class CropBoxTest {

  /** A 5000x3000 image read at every 2nd pixel; only the factor and sizes matter here. */
  private static final DecodedImage HALVED =
      new DecodedImage(new RgbImage(1, 1, new float[3]), 2, 5000, 3000);

  @Test
  void aBoxIsScaledByTheSubsamplingFactor() {
    assertEquals(new CropBox(200, 100, 300, 300),
        new CropBox(100, 50, 150, 150).inOriginal(HALVED));
  }

  @Test
  void aBoxOnTheLastDecodedPixelsStaysInsideTheOriginal() {
    assertEquals(new CropBox(4800, 2800, 200, 200),
        new CropBox(2400, 1400, 100, 100).inOriginal(HALVED));
  }

  @Test
  void aWholeDecodingLeavesTheBoxAsItIs() {
    DecodedImage whole = DecodedImage.whole(new RgbImage(30, 20, new float[30 * 20 * 3]));
    assertEquals(new CropBox(3, 4, 10, 10), new CropBox(3, 4, 10, 10).inOriginal(whole));
  }
}
