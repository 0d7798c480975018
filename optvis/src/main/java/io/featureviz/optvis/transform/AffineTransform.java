package io.featureviz.optvis.transform;

import org.tensorflow.op.Ops;

/**
 * A transform that is a linear map about the image centre. Consecutive ones are composed by
 * {@link TransformList} into a single bilinear warp ({@link WarpChain}), so that the image is
 * resampled once, not once per transform: cheaper, and less blurred.
 */
public interface AffineTransform extends Transform {

  /** Draws this step's map for each batch element and returns its inverse. */
  InverseMap inverse(Ops tf, int batch, RandomSource random);

  @Override
  default TransformedImage apply(Ops tf, TransformedImage image, RandomSource random) {
    WarpChain chain = WarpChain.of(tf, image);
    chain.warp(tf, inverse(tf, image.batch(), random));
    return chain.image(tf);
  }
}
