package io.featureviz.optvis.runtime;

import java.util.List;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A 3x3 colour matrix applied to an image stored as planes, [B, 3, H, W], giving interleaved
 * pixels, [B, H, W, 3]: out_c = ((0 + A[c][0] * p_0) + A[c][1] * p_1) + A[c][2] * p_2. Where
 * the engine's kernels are loaded it is one op each way ({@code FvMixPlanes} and its gradient,
 * {@code src/main/c/mix_planes.c}); elsewhere TensorFlow's ops sum the same terms in the same
 * order, which gives the same bits ({@code MixPlanesKernelTest}). A matrix product would sum in
 * an order of oneDNN's, which differs from one CPU to another, so no kernel could repeat it.
 */
public final class MixPlanes {

  private static final int CHANNELS = 3;

  private MixPlanes() {}

  /** {@code matrix}: 9 values, row major, a row per output channel. */
  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> planes, float[] matrix) {
    Shape shape = planes.shape();
    if (shape.numDimensions() != 4
        || (shape.get(1) != CHANNELS && shape.get(1) != Shape.UNKNOWN_SIZE)) {
      throw new IllegalArgumentException(
          "colour planes must be [batch, 3, height, width], got " + shape);
    }
    return NativeKernels.loaded() ? kernel(tf, "FvMixPlanes", planes, matrix)
        : stock(tf, planes, matrix);
  }

  /**
   * TensorFlow's ops only: the same bits as the kernel, in several passes. Each output channel is
   * one reduction over its three products, forward and backward (the gradient of a broadcast
   * product is a reduction too), which TensorFlow sums from zero in order. Separate products and
   * sums would leave the gradient's sums to TensorFlow's graph optimizer, which regroups some of
   * them.
   */
  static Operand<TFloat32> stock(Ops tf, Operand<TFloat32> planes, float[] matrix) {
    checkMatrix(matrix);
    // [B, 3, H, W] -> [B, 1, 3, H*W] times [1, 3 (out), 3 (in), 1], summed over the inputs.
    Operand<TInt32> shape = tf.shape(planes);
    Operand<TInt32> batch =
        tf.slice(shape, tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TFloat32> columns = tf.reshape(planes,
        tf.concat(List.of(batch, tf.constant(new int[] {1, CHANNELS, -1})), tf.constant(0)));
    Operand<TFloat32> products = tf.math.mul(columns,
        tf.constant(Shape.of(1, CHANNELS, CHANNELS, 1), DataBuffers.of(matrix)));
    Operand<TFloat32> mixed = tf.sum(products, tf.constant(2));
    // [B, 3, H*W] -> [B, H*W, 3] -> [B, H, W, 3].
    Operand<TFloat32> pixels = tf.linalg.transpose(mixed, tf.constant(new int[] {0, 2, 1}));
    return tf.reshape(pixels, tf.concat(List.of(batch,
        tf.slice(shape, tf.constant(new int[] {2}), tf.constant(new int[] {2})),
        tf.constant(new int[] {CHANNELS})), tf.constant(0)));
  }

  private static Output<TFloat32> kernel(Ops tf, String type, Operand<TFloat32> input,
      float[] matrix) {
    checkMatrix(matrix);
    return RawOps.typed(tf.scope().opBuilder(type, type)
        .addInput(input.asOutput())
        .setAttr("matrix", matrix)
        .build()
        .output(0));
  }

  private static void checkMatrix(float[] matrix) {
    if (matrix.length != CHANNELS * CHANNELS) {
      throw new IllegalArgumentException("a colour matrix has 9 values, got " + matrix.length);
    }
  }

  /** Registers the kernel op's gradient; called once the kernels are loaded. */
  static void registerGradient() {
    TensorFlow.registerCustomGradient("FvMixPlanes", MixPlanes::gradient);
  }

  /** The gradient's planes, d p_j = sum over c of A[c][j] * g_c, summed as in {@link #stock}. */
  private static List<Operand<?>> gradient(Ops tf, GraphOperation op,
      List<Output<?>> gradients) {
    return List.of(kernel(tf, "FvMixPlanesGrad", RawOps.typed(gradients.get(0)),
        op.attributes().getAttrFloatList("matrix")));
  }
}
