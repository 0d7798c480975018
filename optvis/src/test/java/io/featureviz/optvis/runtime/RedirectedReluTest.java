package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Dead units receive gradient only while redirecting, and never towards staying dead. */
class RedirectedReluTest {

  /** Two batch elements: the first all off, the second with one unit on. */
  private static final float[] X = {-1f, -2f, 7f, -0.5f, 3f, -4f};

  @BeforeAll
  static void load() {
    TensorFlowRuntime.ensureLoaded();
  }

  /** d(loss)/dx for loss = -sum(w * f(x)), i.e. ascending sum(w * f(x)). */
  private static float[][] forwardAndGradient(float cap, float[] weights, boolean redirect) {
    try (Graph g = new Graph(); Session s = Sessions.open(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.constant(Shape.of(2, 3), DataBuffers.of(X));
      Operand<TFloat32> y = RedirectedRelu.apply(tf, x, cap);
      Operand<TFloat32> loss = tf.math.neg(tf.reduceSum(tf.math.mul(y,
          tf.constant(Shape.of(2, 3), DataBuffers.of(weights))), tf.constant(new int[] {0, 1})));
      Output<?>[] grad = RedirectedRelu.building(redirect,
          () -> g.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput()}));
      try (Result r = s.runner().fetch(y).fetch(grad[0]).run()) {
        float[] value = new float[6];
        float[] gradient = new float[6];
        ((TFloat32) r.get(0)).copyTo(DataBuffers.of(value));
        ((TFloat32) r.get(1)).copyTo(DataBuffers.of(gradient));
        return new float[][] {value, gradient};
      }
    }
  }

  @Test
  void valueIsAPlainReluEitherWay() {
    assertArrayEquals(new float[] {0, 0, 7, 0, 3, 0},
        forwardAndGradient(Float.POSITIVE_INFINITY, new float[] {1, 1, 1, 1, 1, 1}, true)[0]);
    assertArrayEquals(new float[] {0, 0, 6, 0, 3, 0},
        forwardAndGradient(6f, new float[] {1, 1, 1, 1, 1, 1}, false)[0]);
  }

  @Test
  void plainGradientIgnoresDeadUnits() {
    float[] grad = forwardAndGradient(Float.POSITIVE_INFINITY,
        new float[] {1, 1, 1, 1, 1, 1}, false)[1];
    assertArrayEquals(new float[] {0, 0, -1, 0, -1, 0}, grad);
  }

  @Test
  void redirectedGradientRevivesAnAllDeadElementOnly() {
    // Element 0 is dead everywhere its weight asks for more: it gets the gradient anyway.
    // Element 1 has a live unit, so it keeps the ordinary gradient.
    float[] grad = forwardAndGradient(Float.POSITIVE_INFINITY,
        new float[] {0, 1, 0, 1, 1, 1}, true)[1];
    assertArrayEquals(new float[] {0, -1, 0, 0, -1, 0}, grad);
  }

  @Test
  void redirectedGradientNeverPushesADeadUnitFurtherDown() {
    // Weights -1 ask to lower the outputs of element 0, which is dead except at 7 (above the
    // ReLU6 cap): lowering dead units further is blocked, lowering the capped one is allowed.
    float[] grad = forwardAndGradient(6f, new float[] {-1, -1, 0, 1, 1, 1}, true)[1];
    assertArrayEquals(new float[] {0, 0, 0, 0, -1, 0}, grad);
  }
}
