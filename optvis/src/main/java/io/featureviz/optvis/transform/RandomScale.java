package io.featureviz.optvis.transform;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Zooms each image by a factor drawn from a list, so features must work at several scales. */
record RandomScale(List<Double> scales) implements AffineTransform {

  @Override
  public InverseMap inverse(Ops tf, int batch, RandomSource random) {
    Operand<TFloat32> shrink =
        tf.math.reciprocal(BilinearWarp.choose(tf, scales, batch, random));
    Operand<TFloat32> zero = tf.zerosLike(shrink);
    return new InverseMap(shrink, zero, zero, shrink);
  }
}
