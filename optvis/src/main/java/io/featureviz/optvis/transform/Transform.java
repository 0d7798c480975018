package io.featureviz.optvis.transform;

import org.tensorflow.op.Ops;

/** One in-graph image transformation applied at every optimization step (lucid's transform). */
public interface Transform {

  TransformedImage apply(Ops tf, TransformedImage image, RandomSource random);
}
