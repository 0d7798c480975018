package io.featureviz.optvis.transform;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Per batch element, the 2x2 linear map from an output pixel's offset to the image centre back to
 * the source offset it samples: {@code [[a, b], [c, d]]}, each entry a [batch] tensor.
 */
record InverseMap(Operand<TFloat32> a, Operand<TFloat32> b, Operand<TFloat32> c,
    Operand<TFloat32> d) {}
