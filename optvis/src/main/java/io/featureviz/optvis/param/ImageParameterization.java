package io.featureviz.optvis.param;

import io.featureviz.contracts.render.RenderDefaults;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A complete image parameterization (lucid's {@code param.image}): a spatial basis, an optional
 * decorrelated colour space and a constraint to valid RGB.
 */
public record ImageParameterization(SpatialParam spatial, boolean decorrelate,
    RgbConstraint constraint) {

  /** The {@link RenderDefaults}: decorrelated Fourier, squashed by a sigmoid. */
  public static final ImageParameterization STANDARD = of(RenderDefaults.PARAM,
      RenderDefaults.DECORRELATE, RenderDefaults.CLIP, RenderDefaults.DECAY_POWER);

  /**
   * The parameterization named as on the command line and in job requests.
   *
   * @param spatial {@code fft} or {@code pixel}
   * @param clip clip to [0, 1] instead of a sigmoid
   */
  public static ImageParameterization of(String spatial, boolean decorrelate, boolean clip,
      float decayPower) {
    SpatialParam param = switch (spatial) {
      case "fft" -> new FourierParam(FourierParam.DEFAULT.initStddev(), decayPower);
      case "pixel" -> PixelParam.DEFAULT;
      default -> throw new IllegalArgumentException(
          "parameterization must be fft or pixel, got '" + spatial + "'");
    };
    return new ImageParameterization(param, decorrelate,
        clip ? RgbConstraint.CLIP : RgbConstraint.SIGMOID);
  }

  /** The same parameterization with a layout shared by the batch: {@link SharedParam}. */
  public ImageParameterization shared() {
    return new ImageParameterization(new SharedParam(spatial), decorrelate, constraint);
  }

  /** Builds [batch, height, width, 3] images in [0, 1]. */
  public Operand<TFloat32> build(Ops tf, Trainables trainables, int batch, int height, int width,
      Operand<TInt64> seed) {
    Ops scoped = tf.withSubScope("param");
    Operand<TFloat32> image = decorrelate
        ? spatial.buildDecorrelated(scoped, trainables, batch, height, width, seed)
        : spatial.build(scoped, trainables, batch, height, width, seed);
    if (constraint == RgbConstraint.CLIP) {
      // Without a sigmoid's centring, start around a plausible mean colour instead of black.
      image = scoped.math.add(image, decorrelate
          ? scoped.constant(ColorDecorrelation.COLOR_MEAN)
          : scoped.constant(0.5f));
    }
    return constraint.apply(scoped, image);
  }
}
