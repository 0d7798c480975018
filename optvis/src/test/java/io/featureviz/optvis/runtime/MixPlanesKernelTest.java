package io.featureviz.optvis.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * The engine's colour kernels ({@code src/main/c/mix_planes.c}) against the stock ops that
 * {@link MixPlanes} builds where they are missing, side by side in one graph: the same bits,
 * forward and backward, so that a render's bytes do not depend on whether the build had a C
 * compiler.
 */
class MixPlanesKernelTest {

  @ParameterizedTest(name = "{0}, batch {1}, {2}x{3}")
  @CsvSource(delimiter = '|', value = {
      "decorrelation | 1 | 37 | 41 | 0.5106,0.1767,0.0393,0.5302,0,-0.0982,0.5302,-0.1767,0.0589",
      "dense | 2 | 16 | 9 | 1.25,-0.5,0.125,0.3,0.7,-0.9,-2.5,0.01,3",
      "zero row and column | 3 | 5 | 7 | 0.4,0,0.6,0,0,0,-0.3,0,1.7",
      "render size | 2 | 224 | 224 | 0.5106,0.1767,0.0393,0.5302,0,-0.0982,0.5302,-0.1767,0.0589"})
  void theKernelGivesTheStockOpsBitsBothWays(String name, int batch, int height, int width,
      String values) {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "no kernels (ProjectiveWarpKernelTest says why)");
    float[] matrix = floats(values);
    Random random = new Random(name.hashCode());
    float[] planes = new float[batch * 3 * height * width];
    for (int i = 0; i < planes.length; i++) {
      planes[i] = (float) random.nextGaussian() * 3;
    }
    // The loss weighs every pixel differently, so that the gradient's planes mix unequal values.
    float[] weights = new float[planes.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextFloat() * 2 - 1;
    }
    List<float[]> outputs = GraphRun.fetch((tf, trainables) -> {
      // Variables, not constants: TensorFlow's optimizer would fold a constant's ops away, and
      // with them the rewrites that a render's graph gets.
      Operand<TFloat32> input = trainables.create(tf, "planes", Shape.of(batch, 3, height, width),
          tf.constant(Shape.of(batch, 3, height, width), DataBuffers.of(planes))).value();
      Operand<TFloat32> weight = trainables.create(tf, "weights",
          Shape.of(batch, height, width, 3),
          tf.constant(Shape.of(batch, height, width, 3), DataBuffers.of(weights))).value();
      Operand<TFloat32> stock = MixPlanes.stock(tf, input, matrix);
      Operand<TFloat32> engine = MixPlanes.apply(tf, input, matrix);
      return List.of(stock, engine, gradient(tf, stock, weight, input),
          gradient(tf, engine, weight, input));
    });
    for (int i = 0; i < 2; i++) {
      float[] stock = outputs.get(2 * i);
      float[] engine = outputs.get(2 * i + 1);
      assertEquals(planes.length, stock.length);
      assertEquals(stock.length, engine.length);
      int nonzero = 0;
      for (int j = 0; j < stock.length; j++) {
        if (Float.floatToRawIntBits(stock[j]) != Float.floatToRawIntBits(engine[j])) {
          throw new AssertionError((i == 0 ? "pixel " : "gradient ") + j + ": stock ops "
              + stock[j] + ", engine " + engine[j]);
        }
        nonzero += stock[j] != 0 ? 1 : 0;
      }
      assertTrue(nonzero > stock.length / 2, "mostly zeros: nothing was compared");
    }
  }

  @Test
  void pixelsAreTheMatrixTimesEachPixelsPlaneValues() {
    TensorFlowRuntime.ensureLoaded();
    float[] matrix = {1, 2, 3, 0, -1, 0, 0.5f, 0.25f, 4};
    // One pixel per plane value: planes [1, 3, 1, 2] hold pixels (1, 10, 100) and (-2, 0, 3).
    float[] planes = {1, -2, 10, 0, 100, 3};
    float[] pixels = GraphRun.fetch((tf, trainables) -> List.of(MixPlanes.apply(tf,
        tf.constant(Shape.of(1, 3, 1, 2), DataBuffers.of(planes)), matrix))).get(0);
    float[] expected = {321, -10, 403, 7, 0, 11};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], pixels[i], 0f, "value " + i);
    }
  }

  @Test
  void planesOtherThanThreeAndMatricesOtherThanThreeByThreeAreRefused() {
    TensorFlowRuntime.ensureLoaded();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      IllegalArgumentException planes = assertThrows(IllegalArgumentException.class,
          () -> MixPlanes.apply(tf, tf.zeros(tf.constant(new int[] {1, 4, 8, 8}),
              TFloat32.class), new float[9]));
      assertTrue(planes.getMessage().contains("[batch, 3, height, width]"), planes.getMessage());
      IllegalArgumentException matrix = assertThrows(IllegalArgumentException.class,
          () -> MixPlanes.apply(tf, tf.zeros(tf.constant(new int[] {1, 3, 8, 8}),
              TFloat32.class), new float[6]));
      assertTrue(matrix.getMessage().contains("9 values"), matrix.getMessage());
    }
  }

  @Test
  void theFourierBasisMixesItsPlanesOnTheEnginesKernel() {
    TensorFlowRuntime.ensureLoaded();
    assumeTrue(NativeKernels.loaded(), "no kernels (ProjectiveWarpKernelTest says why)");
    Map<String, Integer> types = StandardParamGraph.opTypes(32);
    assertEquals(1, types.getOrDefault("FvMixPlanes", 0), types.toString());
    assertEquals(1, types.getOrDefault("FvMixPlanesGrad", 0), types.toString());
    // No colour product, and one transpose: the initial draw's, not the planes'.
    assertEquals(0, types.getOrDefault("MatMul", 0), types.toString());
    assertEquals(1, types.getOrDefault("Transpose", 0), types.toString());
  }

  private static Operand<TFloat32> gradient(Ops tf, Operand<TFloat32> pixels,
      Operand<TFloat32> weight, Operand<TFloat32> planes) {
    Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(pixels, weight),
        tf.constant(new int[] {0, 1, 2, 3}));
    Graph graph = (Graph) tf.scope().env();
    return RawOps.typed(graph.addGradients(loss.asOutput(),
        new Output<?>[] {planes.asOutput()})[0]);
  }

  private static float[] floats(String values) {
    String[] parts = values.split(",");
    float[] floats = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      floats[i] = Float.parseFloat(parts[i]);
    }
    return floats;
  }
}
