package io.featureviz.optvis.objectives;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Penalties on the image itself, per batch element. They are means rather than lucid's sums so
 * that a coefficient means the same at every image size; subtract them from an objective
 * ({@code mixed4:97 - 0.1*tv}).
 */
final class Regularizers {

  private static final int[] PIXEL_AXES = {1, 2, 3};

  private Regularizers() {}

  /** Mean |x - 0.5|: pulls pixels towards grey. */
  static Operand<TFloat32> l1(Ops tf, Operand<TFloat32> image) {
    return tf.math.mean(tf.math.abs(centred(tf, image)), tf.constant(PIXEL_AXES));
  }

  /** Mean (x - 0.5)^2. */
  static Operand<TFloat32> l2(Ops tf, Operand<TFloat32> image) {
    return tf.math.mean(tf.math.square(centred(tf, image)), tf.constant(PIXEL_AXES));
  }

  /** Mean absolute difference between vertical and between horizontal neighbours. */
  static Operand<TFloat32> totalVariation(Ops tf, Operand<TFloat32> image) {
    Operand<TFloat32> down = neighbourDifference(tf, image, 1);
    Operand<TFloat32> right = neighbourDifference(tf, image, 2);
    return tf.math.add(down, right);
  }

  /** Mean squared distance to a 3x3-blurred copy the gradient does not flow through. */
  static Operand<TFloat32> blurDistance(Ops tf, Operand<TFloat32> image) {
    float[] box = new float[3 * 3 * 3];
    Arrays.fill(box, 1f / 9f);
    Operand<TFloat32> kernel = tf.constant(Shape.of(3, 3, 3, 1), DataBuffers.of(box));
    Operand<TFloat32> blurred = tf.stopGradient(tf.nn.depthwiseConv2dNative(image, kernel,
        List.of(1L, 1L, 1L, 1L), "SAME"));
    return tf.math.mean(tf.math.square(tf.math.sub(image, blurred)), tf.constant(PIXEL_AXES));
  }

  private static Operand<TFloat32> centred(Ops tf, Operand<TFloat32> image) {
    return tf.math.sub(image, tf.constant(0.5f));
  }

  private static Operand<TFloat32> neighbourDifference(Ops tf, Operand<TFloat32> image,
      int axis) {
    int[] begin = {0, 0, 0, 0};
    int[] size = {-1, -1, -1, -1};
    begin[axis] = 1;
    // Static sizes, not the image's run-time Shape: with a Shape op on a member's image in the
    // graph, another member of the same pack rendered different last bits (inception_v3, 96 px;
    // RenderPackBytesTest).
    int[] trimmedSize = {-1, -1, -1, -1};
    trimmedSize[axis] = (int) image.shape().get(axis) - 1;
    Operand<TFloat32> shifted = tf.slice(image, tf.constant(begin), tf.constant(size));
    Operand<TFloat32> trimmed = tf.slice(image, tf.constant(new int[] {0, 0, 0, 0}),
        tf.constant(trimmedSize));
    return tf.math.mean(tf.math.abs(tf.math.sub(shifted, trimmed)), tf.constant(PIXEL_AXES));
  }
}
