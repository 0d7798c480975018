package io.featureviz.optvis.attribution;

import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A classifier whose answer is known by construction: layer {@code features} holds the red,
 * green and blue of each pixel and their mean (a 1x1 convolution), and each class's logit is a
 * fixed weighted sum of the features' spatial means ({@link #HEAD}): class 0 reads blue (channel
 * 2), class 1 red (channel 0), class 2 all four equally. With a linear head every method's
 * attribution of channel c to class k is exactly {@code HEAD[c][k] * mean of (a_c - baseline_c)}.
 */
final class KnownAnswerNet implements ImageModel {

  static final int SIZE = 16;
  static final String LAYER = "features";
  static final int BLUE = 2;
  static final int RED = 0;
  static final float[][] HEAD = {{0.1f, 2f, 1f}, {0.1f, 0.1f, 1f}, {2f, 0.1f, 1f},
      {0.1f, 0.1f, 1f}};
  private static final float[] MIX = {1, 0, 0, 1 / 3f, 0, 1, 0, 1 / 3f, 0, 0, 1, 1 / 3f};

  @Override
  public ModelInfo info() {
    return new ModelInfo("known_answer", "test", SIZE, 0f, 1f,
        List.of(new LayerInfo(LAYER, 4, SIZE, SIZE), new LayerInfo("logits", 3, 1, 1)),
        List.of("blue", "red", "bright"), Optional.of("logits"));
  }

  @Override
  public Map<String, Operand<TFloat32>> build(NetworkBuilder net, Operand<TFloat32> images) {
    Ops tf = net.tf();
    Operand<TFloat32> features = net.relu(tf.nn.conv2d(images,
        tf.constant(Shape.of(1, 1, 3, 4), DataBuffers.of(MIX)), List.of(1L, 1L, 1L, 1L),
        "VALID"));
    float[] head = new float[4 * 3];
    for (int c = 0; c < 4; c++) {
      System.arraycopy(HEAD[c], 0, head, c * 3, 3);
    }
    Operand<TFloat32> logits = tf.linalg.matMul(
        tf.math.mean(features, tf.constant(new int[] {1, 2})),
        tf.constant(Shape.of(4, 3), DataBuffers.of(head)));
    return Map.of(LAYER, features, "logits", logits);
  }
}
