package io.featureviz.optvis.transform;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/**
 * A random crop that is {@code pixels} smaller on each axis (lucid's {@code jitter}): the image
 * must work at every sub-pixel-free offset, which removes high-frequency checkerboards.
 */
record Jitter(int pixels) implements Transform {

  @Override
  public TransformedImage apply(Ops tf, TransformedImage image, RandomSource random) {
    requireRoom(image.height(), image.width());
    int height = image.height() - pixels;
    int width = image.width() - pixels;
    Operand<TInt32> offsets = offsets(tf, random);
    Operand<TInt32> begin = tf.concat(List.of(tf.constant(new int[] {0}), offsets,
        tf.constant(new int[] {0})), tf.constant(0));
    Operand<TInt32> size = tf.constant(new int[] {image.batch(), height, width, -1});
    return new TransformedImage(tf.slice(image.images(), begin, size), image.batch(), height,
        width);
  }

  /** This step's crop: [row, column] of its top-left pixel, each in [0, pixels]. */
  Operand<TInt32> offsets(Ops tf, RandomSource random) {
    return tf.random.statelessRandomUniformInt(tf.constant(new int[] {2}),
        random.next(), tf.constant(0), tf.constant(pixels + 1));
  }

  void requireRoom(int height, int width) {
    if (height - pixels < 1 || width - pixels < 1) {
      throw new IllegalArgumentException("jitter(" + pixels + ") leaves no image of "
          + height + "x" + width);
    }
  }
}
