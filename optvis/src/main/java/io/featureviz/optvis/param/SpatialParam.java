package io.featureviz.optvis.param;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * How the pixels of a batch of images are represented for optimization (lucid's
 * {@code param.spatial}): the trainable tensors and the map from them to an unconstrained
 * [batch, height, width, 3] image.
 */
public interface SpatialParam {

  /** Creates the trainables (initialized from {@code seed}, shape [2]) and returns the image. */
  Operand<TFloat32> build(Ops tf, Trainables trainables, int batch, int height, int width,
      Operand<TInt64> seed);

  /**
   * The image with its colours mapped by {@link ColorDecorrelation#toRgb}. A basis whose own
   * layout suits it better may map them its way ({@link FourierParam}).
   */
  default Operand<TFloat32> buildDecorrelated(Ops tf, Trainables trainables, int batch,
      int height, int width, Operand<TInt64> seed) {
    return ColorDecorrelation.toRgb(tf, build(tf, trainables, batch, height, width, seed));
  }

  /** The name used on the command line and in job requests. */
  String name();
}
