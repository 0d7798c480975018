package io.featureviz.optvis.model.tf;

import java.util.Random;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Float tensors to and from plain arrays, for comparing activations. */
final class Tensors {
  private Tensors() {}

  static float[] floats(TFloat32 tensor) {
    float[] values = new float[(int) tensor.size()];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }

  static TFloat32 of(Shape shape, float[] values) {
    return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
  }

  /** Seeded uniform values in [0, 1), like images. */
  static float[] uniform(long seed, int count) {
    Random random = new Random(seed);
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = random.nextFloat();
    }
    return values;
  }

  /** {@code min + x * (max - min)} elementwise, in the same float arithmetic as the importer. */
  static float[] toRange(float[] x, float min, float max) {
    float[] mapped = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      mapped[i] = x[i] * (max - min) + min;
    }
    return mapped;
  }
}
