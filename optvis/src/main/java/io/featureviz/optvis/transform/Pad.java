package io.featureviz.optvis.transform;

import io.featureviz.optvis.runtime.RawOps;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** {@link io.featureviz.contracts.transform.TransformSpec.Pad} as graph operations. */
record Pad(int pixels, float value) implements Transform {

  @Override
  public TransformedImage apply(Ops tf, TransformedImage image, RandomSource random) {
    Operand<TInt32> paddings =
        tf.constant(new int[][] {{0, 0}, {pixels, pixels}, {pixels, pixels}, {0, 0}});
    // Zero padding has a registered gradient: shift so that the fill value becomes zero.
    Operand<TFloat32> shifted = tf.math.sub(image.images(), tf.constant(value));
    Operand<TFloat32> padded =
        tf.math.add(RawOps.zeroPad(tf, shifted, paddings), tf.constant(value));
    return new TransformedImage(padded, image.batch(), image.height() + 2 * pixels,
        image.width() + 2 * pixels);
  }
}
