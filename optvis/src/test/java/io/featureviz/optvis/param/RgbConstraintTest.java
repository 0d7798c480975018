package io.featureviz.optvis.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.featureviz.optvis.testing.GraphRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class RgbConstraintTest {

  private static final float[] VALUES = {-0.5f, 0f, 0.3f, 1.7f};

  /** The constrained values and the gradient of their sum with respect to the input. */
  private static List<float[]> valuesAndGradient(RgbConstraint constraint) {
    return GraphRun.fetch((tf, trainables) -> {
      Operand<TFloat32> input = tf.constant(VALUES);
      Operand<TFloat32> output = constraint.apply(tf, input);
      return List.of(output, gradient(tf, tf.reduceSum(output, tf.constant(0)), input));
    });
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> gradient(Ops tf, Operand<TFloat32> y, Operand<TFloat32> x) {
    return (Operand<TFloat32>) (Operand<?>) tf.gradients(y, List.of(x)).dy(0);
  }

  @Test
  void clipLimitsValuesButPassesTheGradientStraightThrough() {
    List<float[]> result = valuesAndGradient(RgbConstraint.CLIP);
    assertArrayEquals(new float[] {0f, 0f, 0.3f, 1f}, result.get(0), 1e-7f);
    assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, result.get(1), 1e-7f);
  }

  @Test
  void sigmoidSquashesWithItsOwnGradient() {
    List<float[]> result = valuesAndGradient(RgbConstraint.SIGMOID);
    float[] sigmoid = new float[VALUES.length];
    float[] slope = new float[VALUES.length];
    for (int i = 0; i < VALUES.length; i++) {
      sigmoid[i] = (float) (1 / (1 + Math.exp(-VALUES[i])));
      slope[i] = sigmoid[i] * (1 - sigmoid[i]);
    }
    assertArrayEquals(sigmoid, result.get(0), 1e-6f);
    assertArrayEquals(slope, result.get(1), 1e-6f);
  }
}
