package io.featureviz.optvis.param;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A batch that shares its layout (lucid's shared parameterization in the article's "interaction"
 * section): each image is one low-resolution image, common to the whole batch and upsampled
 * bilinearly, plus the image's own detail. Both parts use the {@code detail} basis; the sum is
 * unconstrained, so colour decorrelation and the RGB constraint apply to it as to any basis.
 *
 * @param detail the basis of each image's own part and of the shared part
 * @param downscale how much smaller the shared image's side is (lucid's interpolations share
 *     images at 1/2 .. 1/16 of the side; 1/4 keeps the layout and leaves the objects to each frame)
 */
public record SharedParam(SpatialParam detail, int downscale) implements SpatialParam {

  public static final int DEFAULT_DOWNSCALE = 4;

  /** Added to the initial-value seed for the shared part: its start differs from the detail's. */
  private static final long[] SHARED_SEED_OFFSET = {0, -1};

  public SharedParam {
    if (downscale < 1) {
      throw new IllegalArgumentException("downscale must be >= 1, got " + downscale);
    }
  }

  public SharedParam(SpatialParam detail) {
    this(detail, DEFAULT_DOWNSCALE);
  }

  @Override
  public Operand<TFloat32> build(Ops tf, Trainables trainables, int batch, int height, int width,
      Operand<TInt64> seed) {
    Operand<TFloat32> own = detail.build(tf.withSubScope("detail"), trainables, batch, height,
        width, seed);
    int lowHeight = (height + downscale - 1) / downscale;
    int lowWidth = (width + downscale - 1) / downscale;
    Operand<TFloat32> shared = detail.build(tf.withSubScope("shared"), trainables, 1, lowHeight,
        lowWidth, tf.math.add(seed, tf.constant(SHARED_SEED_OFFSET)));
    // [1, h, w, 3] broadcast over the batch.
    return tf.math.add(own, upsample(tf, shared, lowHeight, lowWidth, height, width));
  }

  /**
   * Bilinear upsampling of a [1, h', w', 3] image to [1, h, w, 3] as two matrix products (rows,
   * then columns): unlike ResizeBilinear, whose GPU gradient accumulates with atomics, the
   * products' gradients come out the same on every run.
   */
  private static Operand<TFloat32> upsample(Ops tf, Operand<TFloat32> low, int lowHeight,
      int lowWidth, int height, int width) {
    Operand<TFloat32> rows = tf.constant(Shape.of(height, lowHeight),
        DataBuffers.of(bilinearWeights(height, lowHeight)));
    Operand<TFloat32> columns = tf.constant(Shape.of(width, lowWidth),
        DataBuffers.of(bilinearWeights(width, lowWidth)));
    // [h', w'*3] -> [h, w'*3] -> [h, w', 3] -> [h, 3, w'] -> [h*3, w'] -> [h*3, w] -> [h, 3, w].
    Operand<TFloat32> tall = tf.linalg.matMul(rows,
        tf.reshape(low, tf.constant(new int[] {lowHeight, lowWidth * 3})));
    Operand<TFloat32> byColumn = tf.reshape(
        tf.linalg.transpose(tf.reshape(tall, tf.constant(new int[] {height, lowWidth, 3})),
            tf.constant(new int[] {0, 2, 1})),
        tf.constant(new int[] {height * 3, lowWidth}));
    Operand<TFloat32> wide = tf.linalg.matMul(byColumn, columns,
        MatMul.transposeB(true));
    Operand<TFloat32> image = tf.linalg.transpose(
        tf.reshape(wide, tf.constant(new int[] {height, 3, width})),
        tf.constant(new int[] {0, 2, 1}));
    return tf.expandDims(image, tf.constant(0));
  }

  /**
   * The [out, in] matrix of bilinear interpolation with half-pixel centres (as ResizeBilinear's
   * {@code half_pixel_centers}): output i reads input position (i + 0.5) * in / out - 0.5.
   */
  static float[] bilinearWeights(int out, int in) {
    float[] weights = new float[out * in];
    for (int i = 0; i < out; i++) {
      double position = Math.min(Math.max((i + 0.5) * in / out - 0.5, 0), in - 1);
      int below = (int) Math.floor(position);
      int above = Math.min(below + 1, in - 1);
      double fraction = position - below;
      weights[i * in + below] += (float) (1 - fraction);
      weights[i * in + above] += (float) fraction;
    }
    return weights;
  }

  @Override
  public String name() {
    return detail.name();
  }
}
