package io.featureviz.contracts.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenderMemoryTest {

  private static final long MIB = 1L << 20;

  @Test
  void estimatesCoverTheMeasuredPeaks() {
    // ./fv bench peak RSS in MiB (see RenderMemory's table)
    assertCovers("mobilenet_v2", 128, 1, 606);
    assertCovers("mobilenet_v2", 224, 4, 878);
    assertCovers("mobilenet_v2", 512, 1, 972);
    assertCovers("mobilenet_v2", 512, 4, 2122);
    assertCovers("inception_v3", 128, 1, 1073);
    assertCovers("inception_v3", 224, 4, 1138);
    assertCovers("inception_v3", 512, 1, 1288);
    assertCovers("inception_v3", 512, 4, 2037);
  }

  @Test
  void memoryGrowsWithThePixelsOfTheBatch() {
    long oneImage = RenderMemory.estimateBytes("inception_v3", 512, 1);
    long fourImages = RenderMemory.estimateBytes("inception_v3", 512, 4);
    long twiceTheSide = RenderMemory.estimateBytes("inception_v3", 1024, 1);

    assertEquals(fourImages, twiceTheSide);
    assertTrue(fourImages > oneImage);
  }

  @Test
  void anUnmeasuredModelGetsTheLargerEstimate() {
    long upload = RenderMemory.estimateBytes("my-resnet", 512, 4);

    assertEquals(Math.max(RenderMemory.estimateBytes("mobilenet_v2", 512, 4),
        RenderMemory.estimateBytes("inception_v3", 512, 4)), upload);
    assertEquals(RenderMemory.estimateBytes("inception_v3", 128, 1),
        RenderMemory.estimateBytes("my-resnet", 128, 1));
  }

  @Test
  void mebibytesRoundUp() {
    assertEquals(1, RenderMemory.mebibytes(1));
    assertEquals(2, RenderMemory.mebibytes(MIB + 1));
  }

  private static void assertCovers(String model, int size, int batch, long measuredMib) {
    long estimate = RenderMemory.estimateBytes(model, size, batch);
    assertTrue(estimate >= measuredMib * MIB && estimate <= (measuredMib + 150) * MIB,
        model + " " + size + "/" + batch + ": " + RenderMemory.mebibytes(estimate)
            + " MiB for a measured " + measuredMib);
  }
}
