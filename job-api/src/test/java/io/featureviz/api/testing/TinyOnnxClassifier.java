package io.featureviz.api.testing;

import io.featureviz.optvis.model.onnx.TinyOnnx;
import java.util.List;

/**
 * A user's ONNX classifier, written with optvis' {@link TinyOnnx}: an 8 px RGB {@code image},
 * Conv (4 filters of 1x1), Relu, GlobalAveragePool, Flatten, then Gemm to three class scores.
 */
public final class TinyOnnxClassifier {

  public static final List<String> LABELS = List.of("cat", "dog", "bird");
  public static final String LABELS_TEXT = String.join("\n", LABELS) + "\n";
  /** The opset its files declare; the engine imports 11 to 18. */
  public static final long OPSET = 13;

  private TinyOnnxClassifier() {}

  /** The model with its weights inline. */
  public static byte[] bytes() {
    return model(TinyOnnx.tensor("w", TinyOnnx.WEIGHT_SHAPE, TinyOnnx.weights()));
  }

  /**
   * The model whose convolution weights are external data at {@code location}, a file holding
   * {@link TinyOnnx#weightsData}.
   */
  public static byte[] withExternalWeights(String location) {
    return model(TinyOnnx.externalTensor("w", TinyOnnx.WEIGHT_SHAPE, location));
  }

  private static byte[] model(byte[] convWeights) {
    int classes = LABELS.size();
    float[] dense = new float[4 * classes];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = (i % 3 - 1) * 0.5f;
    }
    List<byte[]> nodes = List.of(
        TinyOnnx.node("Conv", "conv", List.of("image", "w"), List.of("c"),
            TinyOnnx.intsAttribute("kernel_shape", 1, 1)),
        TinyOnnx.node("Relu", "relu", List.of("c"), List.of("r")),
        TinyOnnx.node("GlobalAveragePool", "pool", List.of("r"), List.of("p")),
        TinyOnnx.node("Flatten", "flatten", List.of("p"), List.of("f")),
        TinyOnnx.node("Gemm", "fc", List.of("f", "g", "gb"), List.of("y")));
    return TinyOnnx.model(OPSET, nodes, List.of(convWeights,
        TinyOnnx.tensor("g", new long[] {4, classes}, dense),
        TinyOnnx.tensor("gb", new long[] {classes}, new float[classes])));
  }
}
