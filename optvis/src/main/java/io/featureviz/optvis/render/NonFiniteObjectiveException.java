package io.featureviz.optvis.render;

import java.util.Arrays;

/** The objective became NaN or infinite: the render cannot continue meaningfully. */
public final class NonFiniteObjectiveException extends RuntimeException {

  public NonFiniteObjectiveException(int step, float[] values) {
    super("objective is not finite at step " + step + ": " + Arrays.toString(values)
        + " (try a lower learning rate or smaller regularizer weights)");
  }
}
