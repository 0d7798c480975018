package io.featureviz.optvis.param;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Every pixel is its own parameter: the naive baseline the Fourier basis improves on. */
public record PixelParam(float initStddev) implements SpatialParam {

  public static final PixelParam DEFAULT = new PixelParam(0.01f);

  @Override
  public Operand<TFloat32> build(Ops tf, Trainables trainables, int batch, int height, int width,
      Operand<TInt64> seed) {
    Shape shape = Shape.of(batch, height, width, 3);
    Operand<TFloat32> init = tf.math.mul(
        tf.random.statelessRandomNormal(tf.constant(shape.asArray()), seed),
        tf.constant(initStddev));
    return trainables.create(tf, "pixels", shape, init).value();
  }

  @Override
  public String name() {
    return "pixel";
  }
}
