package io.featureviz.optvis.param;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** How unconstrained values become valid pixel values in [0, 1] (lucid's {@code to_valid_rgb}). */
public enum RgbConstraint {
  /** Smooth squashing; never saturates the gradient completely. */
  SIGMOID {
    @Override
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> image) {
      return tf.math.sigmoid(image);
    }
  },
  /**
   * Clipping whose gradient passes straight through, so pixels pinned at 0 or 1 can still move
   * back (lucid's {@code constrain_L_inf}).
   */
  CLIP {
    @Override
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> image) {
      Operand<TFloat32> clipped =
          tf.clipByValue(image, tf.constant(0f), tf.constant(1f));
      return tf.math.add(image, tf.stopGradient(tf.math.sub(clipped, image)));
    }
  };

  abstract Operand<TFloat32> apply(Ops tf, Operand<TFloat32> image);
}
