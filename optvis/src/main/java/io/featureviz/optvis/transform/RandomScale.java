package io.featureviz.optvis.transform;

import java.util.List;
import org.tensorflow.op.Ops;

/** Zooms each image by a factor drawn from a list, so features must work at several scales. */
public record RandomScale(List<Double> scales) implements Transform {

  public RandomScale {
    scales = List.copyOf(scales);
    if (scales.isEmpty() || scales.stream().anyMatch(s -> !(s > 0) || s.isInfinite())) {
      throw new IllegalArgumentException("scale needs positive finite factors, got " + scales);
    }
  }

  @Override
  public TransformedImage apply(Ops tf, TransformedImage image, RandomSource random) {
    return BilinearWarp.warp(tf, image, BilinearWarp.choose(tf, scales, image.batch(), random),
        tf.zeros(tf.constant(new int[] {image.batch()}), org.tensorflow.types.TFloat32.class));
  }

  @Override
  public String describe() {
    return "scale(" + TransformList.joinValues(scales) + ")";
  }
}
