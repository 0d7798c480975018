package io.featureviz.optvis.transform;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Rotates each image by an angle in degrees drawn from a list. */
record RandomRotate(List<Double> degrees) implements AffineTransform {

  @Override
  public InverseMap inverse(Ops tf, int batch, RandomSource random) {
    Operand<TFloat32> radians = tf.math.mul(BilinearWarp.choose(tf, degrees, batch, random),
        tf.constant((float) (Math.PI / 180)));
    Operand<TFloat32> cos = tf.math.cos(radians);
    Operand<TFloat32> sin = tf.math.sin(radians);
    return new InverseMap(cos, sin, tf.math.neg(sin), cos);
  }
}
