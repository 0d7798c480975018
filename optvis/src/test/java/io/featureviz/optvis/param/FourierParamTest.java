package io.featureviz.optvis.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.testing.GraphRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FourierParamTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"32,32", "7,7", "11,12", "13,14", "17,18", "224,224", "299,300"})
  void transformSizeIsTheNextSizeWithPrimeFactorsTwoThreeFiveAndSeven(int size, int smooth) {
    assertEquals(smooth, FourierParam.smoothSize(size));
  }

  /**
   * A 4x4 spectrum (3 kept columns): sqrt(w*h) = 4 over the frequency magnitude, the magnitude
   * floored at 1/4 so that the constant term is scaled as the lowest frequency. Rows 0, 1, 2, 3
   * are frequencies 0, 1/4, -1/2, -1/4; columns 0, 1/4, 1/2.
   */
  @Test
  void spectrumIsScaledByOneOverFrequency() {
    double diagonal = 4 / Math.sqrt(2 * 0.25 * 0.25);
    double far = 4 / Math.sqrt(0.25 * 0.25 + 0.5 * 0.5);
    float[] expected = {
        16, 16, 8,
        16, (float) diagonal, (float) far,
        8, (float) far, (float) (4 / Math.sqrt(0.5)),
        16, (float) diagonal, (float) far};
    assertArrayEquals(expected, FourierParam.spectrumScale(4, 4, 3, 1f), 1e-4f);
  }

  @Test
  void decayPowerSharpensTheFalloff() {
    float[] scale = FourierParam.spectrumScale(4, 4, 3, 2f);
    assertEquals(4 / (0.25f * 0.25f), scale[0], 1e-3f);
    assertEquals(4 / (0.5f * 0.5f), scale[2], 1e-3f);
  }

  /** Odd sizes run the transform at a smooth even size and are cropped back. */
  @Test
  void imageHasTheRequestedOddSizeAndStartsNearZero() {
    float[] image = GraphRun.fetch((tf, trainables) -> List.of(FourierParam.DEFAULT.build(tf,
        trainables, 2, 29, 31, tf.constant(new long[] {3L, -1L})))).get(0);
    assertEquals(2 * 29 * 31 * 3, image.length);
    double sumOfSquares = 0;
    for (float v : image) {
      sumOfSquares += v * v;
    }
    double rms = Math.sqrt(sumOfSquares / image.length);
    assertTrue(rms > 0 && rms < 0.5, "rms " + rms);
  }
}
