package io.featureviz.optvis.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class ImageBatchTest {

  @Test
  void convertsImagesToAnNhwcTensorAndBack() {
    TensorFlowRuntime.ensureLoaded();
    float[] first = new float[2 * 3 * 3];
    float[] second = new float[2 * 3 * 3];
    for (int i = 0; i < first.length; i++) {
      first[i] = i / 100f;
      second[i] = 1 - i / 100f;
    }
    List<RgbImage> images = List.of(new RgbImage(3, 2, first), new RgbImage(3, 2, second));
    try (TFloat32 batch = ImageBatch.toTensor(images)) {
      assertArrayEquals(new long[] {2, 2, 3, 3}, batch.shape().asArray());
      // Image 1, row 1, column 2, blue: HWC index (1 * 3 + 2) * 3 + 2 = 17.
      assertEquals(second[17], batch.getFloat(1, 1, 2, 2));
      List<RgbImage> back = ImageBatch.fromTensor(batch);
      assertArrayEquals(first, back.get(0).pixels());
      assertArrayEquals(second, back.get(1).pixels());
    }
  }
}
