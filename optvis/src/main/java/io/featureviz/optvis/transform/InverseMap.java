package io.featureviz.optvis.transform;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Per batch element, the 2x2 linear map from an output pixel's offset to the image centre back to
 * the source offset it samples: {@code [[a, b], [c, d]]}, each entry a [batch] tensor.
 */
record InverseMap(Operand<TFloat32> a, Operand<TFloat32> b, Operand<TFloat32> c,
    Operand<TFloat32> d) {

  /**
   * The inverse of "this transform, then {@code next}": sampling undoes {@code next} first, so
   * the product is this map times next's.
   */
  InverseMap then(Ops tf, InverseMap next) {
    return new InverseMap(
        tf.math.add(tf.math.mul(a, next.a), tf.math.mul(b, next.c)),
        tf.math.add(tf.math.mul(a, next.b), tf.math.mul(b, next.d)),
        tf.math.add(tf.math.mul(c, next.a), tf.math.mul(d, next.c)),
        tf.math.add(tf.math.mul(c, next.b), tf.math.mul(d, next.d)));
  }
}
