package io.featureviz.optvis.transform;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Rotates each image by an angle in degrees drawn from a list. */
public record RandomRotate(List<Double> degrees) implements Transform {

  public RandomRotate {
    degrees = List.copyOf(degrees);
    if (degrees.isEmpty() || degrees.stream().anyMatch(d -> !Double.isFinite(d))) {
      throw new IllegalArgumentException("rotate needs finite angles, got " + degrees);
    }
  }

  @Override
  public TransformedImage apply(Ops tf, TransformedImage image, RandomSource random) {
    Operand<TFloat32> angles = tf.math.mul(
        BilinearWarp.choose(tf, degrees, image.batch(), random),
        tf.constant((float) (Math.PI / 180)));
    return BilinearWarp.warp(tf, image,
        tf.ones(tf.constant(new int[] {image.batch()}), TFloat32.class), angles);
  }

  @Override
  public String describe() {
    return "rotate(" + TransformList.joinValues(degrees) + ")";
  }
}
