package io.featureviz.optvis.testing;

import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A small seeded random conv net (two conv+ReLU layers, global pool, 10 logits) for engine tests
 * that must not depend on an imported model.
 */
public final class TinyConvModel implements ImageModel {

  public static final int INPUT_SIZE = 32;
  private final float[] conv1 = weights(3 * 3 * 3 * 8, 1);
  private final float[] conv2 = weights(3 * 3 * 8 * 16, 2);
  private final float[] dense = weights(16 * 10, 3);

  @Override
  public ModelInfo info() {
    return new ModelInfo("tiny", "test", INPUT_SIZE, 0f, 1f,
        List.of(new LayerInfo("conv1", 8, 32, 32), new LayerInfo("conv2", 16, 16, 16),
            new LayerInfo("logits", 10, 1, 1)),
        List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
        Optional.of("logits"));
  }

  @Override
  public Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images) {
    Ops tf = net.tf();
    Operand<TFloat32> c1 = net.relu(tf.nn.conv2d(tf.math.sub(images, tf.constant(0.5f)),
        tf.constant(Shape.of(3, 3, 3, 8), DataBuffers.of(conv1)), List.of(1L, 1L, 1L, 1L),
        "SAME"));
    Operand<TFloat32> c2 = net.relu(tf.nn.conv2d(c1,
        tf.constant(Shape.of(3, 3, 8, 16), DataBuffers.of(conv2)), List.of(1L, 2L, 2L, 1L),
        "SAME"));
    Operand<TFloat32> pooled = tf.math.mean(c2, tf.constant(new int[] {1, 2}));
    Operand<TFloat32> logits =
        tf.linalg.matMul(pooled, tf.constant(Shape.of(16, 10), DataBuffers.of(dense)));
    Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>();
    layers.put("conv1", c1);
    layers.put("conv2", c2);
    layers.put("logits", logits);
    return layers;
  }

  private static float[] weights(int count, long seed) {
    Random random = new Random(seed);
    float[] w = new float[count];
    for (int i = 0; i < count; i++) {
      w[i] = (float) (random.nextGaussian() * 0.3);
    }
    return w;
  }
}
