package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.featureviz.optvis.param.Trainables;
import io.featureviz.optvis.testing.GraphRun;
import io.featureviz.optvis.testing.StandardParamGraph;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The engine's product kernels ({@code src/main/c/scales.c}) against TensorFlow's Mul, side by
 * side in one graph: the same bits, so that a render's bytes do not depend on whether the build
 * had a C compiler. Inputs mix signed zeros, a subnormal and large values with ordinary ones.
 */
class ScalesKernelTest {

  private static final float[] SPECIAL = {0f, -0f, 1e-40f, -3e38f, 1f, -1f};

  /** Small, and a batch of 4 render spectra at 224 px, which the helper threads share. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"2, 17, 9", "4, 224, 113"})
  void theScaleKernelGivesMulsBitsBothWays(int batch, int rows, int columns) {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "no kernels (ProjectiveWarpKernelTest says why)");
    Shape shape = Shape.of(batch, 3, rows, columns, 2);
    Random random = new Random(7);
    float[] x = values(random, (int) shape.size());
    float[] scale = values(random, (int) shape.size());
    float[] weights = values(random, (int) shape.size());
    List<float[]> outputs = GraphRun.fetch((tf, trainables) -> {
      // Variables, not constants: TensorFlow's optimizer would fold a constant's ops away.
      Operand<TFloat32> input = variable(tf, trainables, "x", shape, x);
      Operand<TFloat32> factor = variable(tf, trainables, "scale", shape, scale);
      Operand<TFloat32> weight = variable(tf, trainables, "weights", shape, weights);
      Operand<TFloat32> stock = tf.math.mul(input, factor);
      Operand<TFloat32> engine = Scale.apply(tf, input, factor);
      return List.of(stock, engine, gradient(tf, stock, weight, input),
          gradient(tf, engine, weight, input));
    });
    assertSameBits("product", outputs.get(0), outputs.get(1));
    assertSameBits("gradient", outputs.get(2), outputs.get(3));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2, 8, 13", "4, 224, 113"})
  void theComplexScaleKernelGivesMulsBits(int batch, int rows, int columns) {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "no kernels (ProjectiveWarpKernelTest says why)");
    Random random = new Random(11);
    Shape pairsShape = Shape.of(batch, 3, rows, columns, 2);
    float[] pairs = values(random, (int) pairsShape.size());
    float[] factor = values(random, columns);
    factor[0] = 1f / (224 * 224);
    List<float[]> outputs = GraphRun.fetch((tf, trainables) -> {
      Output<?> z = ComplexOps.fromPairs(tf, variable(tf, trainables, "z", pairsShape, pairs));
      Operand<TFloat32> f = variable(tf, trainables, "factor", Shape.of(columns), factor);
      return List.of(ComplexOps.toPairs(tf, ComplexOps.stockScale(tf, z, f)),
          ComplexOps.toPairs(tf, ComplexOps.scale(tf, z, f)));
    });
    assertSameBits("complex product", outputs.get(0), outputs.get(1));
  }

  @Test
  void theProductsAreWhatTheySay() {
    TensorFlowRuntime.ensureLoaded();
    List<float[]> outputs = GraphRun.fetch((tf, trainables) -> List.of(
        Scale.apply(tf, tf.constant(new float[] {1, -2, 3}), tf.constant(new float[] {4, 5, -6})),
        ComplexOps.toPairs(tf, ComplexOps.scale(tf,
            ComplexOps.fromPairs(tf, tf.constant(Shape.of(2, 2, 2),
                DataBuffers.of(1f, 2f, 3f, -4f, 5f, 6f, -7f, 8f))),
            tf.constant(new float[] {2, 0.5f})))));
    assertEquals(List.of(4f, -10f, -18f), boxed(outputs.get(0)));
    // (1+2i)*2, (3-4i)*0.5, (5+6i)*2, (-7+8i)*0.5
    assertEquals(List.of(2f, 4f, 1.5f, -2f, 10f, 12f, -3.5f, 4f), boxed(outputs.get(1)));
  }

  @Test
  void scalesOfAnotherShapeAreRefused() {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "the stock Mul broadcasts instead");
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> Scale.apply(tf, tf.constant(new float[] {1, 2}),
              tf.constant(new float[] {1, 2, 3})));
      assertTrue(refused.getMessage().contains("same shape"), refused.getMessage());
    }
  }

  @Test
  void theFourierBasisScalesItsSpectrumOnTheEnginesKernels() {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "no kernels (ProjectiveWarpKernelTest says why)");
    Map<String, Integer> types = StandardParamGraph.opTypes(32);
    // The spectrum's scale and its gradient's (and the unused one of the scale itself); the
    // inverse FFT's gradient.
    assertEquals(3, types.getOrDefault("FvScale", 0), types.toString());
    assertEquals(1, types.getOrDefault("FvComplexScale", 0), types.toString());
    assertEquals(0, types.getOrDefault("Complex", 0), types.toString());
  }

  private static float[] values(Random random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = i < SPECIAL.length * 3 ? SPECIAL[i % SPECIAL.length] * (i / SPECIAL.length + 1)
          : (float) random.nextGaussian() * 4;
    }
    return values;
  }

  private static Operand<TFloat32> variable(Ops tf, Trainables trainables, String name,
      Shape shape, float[] values) {
    return trainables.create(tf, name, shape, tf.constant(shape, DataBuffers.of(values)))
        .value();
  }

  private static Operand<TFloat32> gradient(Ops tf, Operand<TFloat32> output,
      Operand<TFloat32> weight, Operand<TFloat32> input) {
    Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(output, weight),
        tf.constant(new int[] {0, 1, 2, 3, 4}));
    Graph graph = (Graph) tf.scope().env();
    return RawOps.typed(graph.addGradients(loss.asOutput(),
        new Output<?>[] {input.asOutput()})[0]);
  }

  private static void assertSameBits(String what, float[] stock, float[] engine) {
    assertEquals(stock.length, engine.length, what);
    int nonzero = 0;
    for (int i = 0; i < stock.length; i++) {
      if (Float.floatToRawIntBits(stock[i]) != Float.floatToRawIntBits(engine[i])) {
        throw new AssertionError(what + " " + i + ": Mul " + stock[i] + ", engine " + engine[i]);
      }
      nonzero += stock[i] != 0 ? 1 : 0;
    }
    assertTrue(nonzero > stock.length / 2, what + ": mostly zeros, nothing was compared");
  }

  private static List<Float> boxed(float[] values) {
    List<Float> boxed = new java.util.ArrayList<>();
    for (float value : values) {
      boxed.add(value);
    }
    return boxed;
  }
}
