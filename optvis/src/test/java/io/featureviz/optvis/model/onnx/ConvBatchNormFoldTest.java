package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.model.NetworkBuilder;
import io.featureviz.optvis.runtime.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A BatchNormalization that alone reads a Conv's output is folded into the Conv: the network
 * computes the normalization's output as before, and the Conv's own output is no layer.
 */
class ConvBatchNormFoldTest {

  private static final int SIZE = 8;
  private static final double EPSILON = 1e-5;

  @Test
  void foldedConvolutionComputesTheNormalizedOutput(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("conv_bn.onnx"), TinyOnnx.convBatchNormRelu());
    OnnxModel model = OnnxModel.load(file);

    assertEquals(List.of("n", "norm", "y", "relu"),
        model.info().layers().stream().map(LayerInfo::name).toList(), "layers");
    float[] image = new float[3 * SIZE * SIZE];
    for (int i = 0; i < image.length; i++) {
      image[i] = (float) Math.sin(i * 0.37);
    }
    assertArrayEquals(normalizedConvolution(image), run(model, image, "n"), 1e-5f);
  }

  /** What Conv then BatchNormalization compute, in ONNX layout [1, 4, 8, 8]. */
  private static float[] normalizedConvolution(float[] image) {
    float[] w = TinyOnnx.weights();
    float[][] norm = TinyOnnx.NORM;
    int pixels = SIZE * SIZE;
    float[] out = new float[4 * pixels];
    for (int c = 0; c < 4; c++) {
      double scale = norm[0][c] / Math.sqrt(norm[3][c] + EPSILON);
      for (int p = 0; p < pixels; p++) {
        double conv = 0;
        for (int i = 0; i < 3; i++) {
          conv += w[c * 3 + i] * image[i * pixels + p];
        }
        out[c * pixels + p] = (float) ((conv - norm[2][c]) * scale + norm[1][c]);
      }
    }
    return out;
  }

  private static float[] run(OnnxModel model, float[] image, String tensor) {
    try (Graph graph = new Graph(); Session session = Sessions.open(graph)) {
      Ops tf = Ops.create(graph);
      Map<String, Operand<TFloat32>> tensors = model.buildOnModelInput(new NetworkBuilder(tf),
          tf.constant(Shape.of(1, 3, SIZE, SIZE), DataBuffers.of(image, true, false)));
      try (Result result = session.runner().fetch(tensors.get(tensor)).run()) {
        TFloat32 values = (TFloat32) result.get(0);
        float[] out = new float[(int) values.shape().size()];
        values.copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }
  }
}
