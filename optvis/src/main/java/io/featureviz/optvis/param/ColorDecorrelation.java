package io.featureviz.optvis.param;

import io.featureviz.optvis.runtime.MixPlanes;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Maps an image from a decorrelated colour space to RGB (lucid's {@code _linear_decorrelate_color}),
 * so that optimization steps move along the natural axes of colour variation in ImageNet.
 */
public final class ColorDecorrelation {

  /** Square root of ImageNet's colour correlation matrix (rows: R, G, B). */
  private static final double[][] CORRELATION_SQRT = {
      {0.26, 0.09, 0.02},
      {0.27, 0.00, -0.05},
      {0.27, -0.09, 0.03}};

  /** Added when no sigmoid follows, so the image starts around ImageNet's mean colour. */
  public static final float[] COLOR_MEAN = {0.48f, 0.46f, 0.41f};

  private ColorDecorrelation() {}

  /** Decorrelated colour to RGB, row major (a row per RGB channel): C / max column norm. */
  private static final float[] MATRIX = matrix();

  private static float[] matrix() {
    double maxNorm = 0;
    for (int column = 0; column < 3; column++) {
      double norm = 0;
      for (double[] row : CORRELATION_SQRT) {
        norm += row[column] * row[column];
      }
      maxNorm = Math.max(maxNorm, Math.sqrt(norm));
    }
    float[] matrix = new float[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        matrix[i * 3 + j] = (float) (CORRELATION_SQRT[i][j] / maxNorm);
      }
    }
    return matrix;
  }

  /** [B,H,W,3] decorrelated to [B,H,W,3] RGB: t' = t * (C / max column norm)^T. */
  public static Operand<TFloat32> toRgb(Ops tf, Operand<TFloat32> image) {
    float[] transposed = new float[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        transposed[j * 3 + i] = MATRIX[i * 3 + j];
      }
    }
    Operand<TFloat32> flat = tf.reshape(image, tf.constant(new long[] {-1, 3}));
    Operand<TFloat32> mixed = tf.linalg.matMul(flat,
        tf.constant(Shape.of(3, 3), DataBuffers.of(transposed)));
    return tf.reshape(mixed, tf.shape(image));
  }

  /**
   * [B,3,H,W] decorrelated colour planes to [B,H,W,3] RGB pixels, in one pass where the engine's
   * kernels are loaded ({@link MixPlanes}): the Fourier basis's layout, which would otherwise
   * need a transpose first. Its sums run in a fixed order, so its last bits may differ from
   * {@link #toRgb}'s.
   */
  public static Operand<TFloat32> planesToRgb(Ops tf, Operand<TFloat32> planes) {
    return MixPlanes.apply(tf, planes, MATRIX);
  }
}
