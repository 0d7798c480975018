package io.featureviz.optvis.transform;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Per batch element, the affine map from an output pixel (x, y) to the source point it samples:
 * {@code (a x + b y + x0, c x + d y + y0)}, in pixels from the top-left pixel's centre. Each entry
 * is a [batch] tensor or a scalar that holds for the whole batch.
 */
record PixelMap(Operand<TFloat32> a, Operand<TFloat32> b, Operand<TFloat32> c,
    Operand<TFloat32> d, Operand<TFloat32> x0, Operand<TFloat32> y0) {

  /** Samples the source {@code dx} columns right and {@code dy} rows down of the output pixel. */
  static PixelMap translation(Ops tf, Operand<TFloat32> dx, Operand<TFloat32> dy) {
    return new PixelMap(tf.constant(1f), tf.constant(0f), tf.constant(0f), tf.constant(1f), dx,
        dy);
  }

  /** {@code inverse} applied about the centre of a {@code height} x {@code width} image. */
  static PixelMap aboutCentre(Ops tf, InverseMap inverse, int height, int width) {
    Operand<TFloat32> cx = tf.constant((width - 1) / 2f);
    Operand<TFloat32> cy = tf.constant((height - 1) / 2f);
    // M (p - c) + c = M p + (c - M c).
    return new PixelMap(inverse.a(), inverse.b(), inverse.c(), inverse.d(),
        tf.math.sub(cx, tf.math.add(tf.math.mul(inverse.a(), cx), tf.math.mul(inverse.b(), cy))),
        tf.math.sub(cy, tf.math.add(tf.math.mul(inverse.c(), cx), tf.math.mul(inverse.d(), cy))));
  }

  /**
   * The map of an image resampled by this map and then by {@code next}: an output pixel samples
   * {@code this(next(p))}.
   */
  PixelMap then(Ops tf, PixelMap next) {
    return new PixelMap(
        sum(tf, tf.math.mul(a, next.a), tf.math.mul(b, next.c)),
        sum(tf, tf.math.mul(a, next.b), tf.math.mul(b, next.d)),
        sum(tf, tf.math.mul(c, next.a), tf.math.mul(d, next.c)),
        sum(tf, tf.math.mul(c, next.b), tf.math.mul(d, next.d)),
        sum(tf, sum(tf, tf.math.mul(a, next.x0), tf.math.mul(b, next.y0)), x0),
        sum(tf, sum(tf, tf.math.mul(c, next.x0), tf.math.mul(d, next.y0)), y0));
  }

  private static Operand<TFloat32> sum(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y) {
    return tf.math.add(x, y);
  }
}
