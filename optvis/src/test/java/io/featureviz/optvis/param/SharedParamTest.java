package io.featureviz.optvis.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SharedParamTest {

  @Test
  void bilinearWeightsKeepConstantsAndFollowHalfPixelCentres() {
    float[] weights = SharedParam.bilinearWeights(8, 2);
    for (int i = 0; i < 8; i++) {
      assertEquals(1f, weights[i * 2] + weights[i * 2 + 1], 1e-6, "row " + i);
    }
    // Output 0 and 1 lie before input 0's centre (position -0.375, -0.125): clamped to it.
    assertArrayEquals(new float[] {1, 0}, new float[] {weights[0], weights[1]});
    // Output 4 reads position 4.5 * 2 / 8 - 0.5 = 0.625.
    assertEquals(0.375f, weights[8], 1e-6);
    assertEquals(0.625f, weights[9], 1e-6);
    assertArrayEquals(new float[] {0, 1}, new float[] {weights[14], weights[15]});
  }
}
