package io.featureviz.optvis.transform;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Consecutive transforms that only move pixels (pad, crops, scale, rotation), gathered into one
 * bilinear warp of the image they start from: it is resampled once, not once per transform,
 * and the pad and crops cost nothing. Gathered only where the single warp samples what the
 * transforms one after another would (exactly, up to float rounding):
 * <ul>
 *   <li>after a pad, points outside the image take the pad's value, as the padded image's
 *       border extended does, so long as the crops before a scale or rotation leave some pad on
 *       every side;
 *   <li>without a pad, a crop is not gathered before a scale or rotation, whose fill extends the
 *       cropped image's edges; crops after them are, since cropping the output does not change
 *       its pixels;
 *   <li>consecutive scales and rotations compose into one map (their product) in any case.
 * </ul>
 */
final class WarpChain {

  private final TransformedImage source;
  /** The value of points outside the source; null where its edge pixels extend instead. */
  private final Float fill;
  private PixelMap map;
  private int height;
  private int width;
  /** Pixels of pad value the chain's image has on every side, at least. */
  private int margin;
  /** Whether the chain scales or rotates, and whether it crops after that. */
  private boolean warps;
  private boolean cropsAfterWarp;

  private WarpChain(TransformedImage source, Float fill, PixelMap map, int height, int width,
      int margin) {
    this.source = source;
    this.fill = fill;
    this.map = map;
    this.height = height;
    this.width = width;
    this.margin = margin;
  }

  /** {@code image} padded by {@code pixels} of {@code value} on each side. */
  static WarpChain padded(Ops tf, TransformedImage image, int pixels, float value) {
    Operand<TFloat32> shift = tf.constant((float) -pixels);
    return new WarpChain(image, value, PixelMap.translation(tf, shift, shift),
        image.height() + 2 * pixels, image.width() + 2 * pixels, pixels);
  }

  /** {@code image} as it is, its edge pixels extending beyond it, for a scale or rotation. */
  static WarpChain of(Ops tf, TransformedImage image) {
    Operand<TFloat32> zero = tf.constant(0f);
    return new WarpChain(image, null, PixelMap.translation(tf, zero, zero), image.height(),
        image.width(), 0);
  }

  /**
   * Whether a scale or rotation composes with the chain exactly (see the class comment): right
   * after another, or after a pad and crops that leave the image a border of pad value.
   */
  boolean takesWarp() {
    return !cropsAfterWarp && (warps || (fill != null && margin >= 1));
  }

  /** Crops {@code pixels} off each axis at {@code offsets} [row, column]. */
  void crop(Ops tf, int pixels, Operand<TInt32> offsets) {
    Operand<TFloat32> shift = tf.dtypes.cast(offsets, TFloat32.class);
    map = map.then(tf, PixelMap.translation(tf,
        tf.gather(shift, tf.constant(1), tf.constant(0)),
        tf.gather(shift, tf.constant(0), tf.constant(0))));
    height -= pixels;
    width -= pixels;
    margin -= pixels;
    cropsAfterWarp = warps;
  }

  /** Scales or rotates the chain's image about its centre. */
  void warp(Ops tf, InverseMap inverse) {
    map = map.then(tf, PixelMap.aboutCentre(tf, inverse, height, width));
    warps = true;
  }

  int height() {
    return height;
  }

  int width() {
    return width;
  }

  /** The chain's image. */
  TransformedImage image(Ops tf) {
    return BilinearWarp.warp(tf, source, map, height, width, fill);
  }
}
