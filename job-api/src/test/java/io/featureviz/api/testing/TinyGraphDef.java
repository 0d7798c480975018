package io.featureviz.api.testing;

import io.featureviz.optvis.runtime.TensorFlowRuntime;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A user's frozen GraphDef, built with TensorFlow Java: a 16 px RGB {@code input}, then
 * {@code conv1/Relu} (3x3, 4 channels) and {@code conv2/Relu} (3x3, 6 channels), weights held as
 * constants.
 */
public final class TinyGraphDef {

  public static final String METADATA = """
      {"id": "tiny", "format": "graphdef", "input": "input:0", "input_size": 16,
       "value_range": [0, 1],
       "layers": [{"name": "conv1", "tensor": "conv1/Relu:0"},
                  {"name": "conv2", "tensor": "conv2/Relu:0"}]}
      """;

  private TinyGraphDef() {}

  public static byte[] bytes() {
    TensorFlowRuntime.ensureLoaded();
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> input = tf.withName("input")
          .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16, 16, 3)));
      conv(tf, "conv2", conv(tf, "conv1", input, 3, 4), 4, 6);
      return graph.toGraphDef().toByteArray();
    }
  }

  private static Operand<TFloat32> conv(Ops tf, String name, Operand<TFloat32> x, int in,
      int out) {
    float[] kernel = new float[9 * in * out];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (i % 7 - 3) * 0.1f;
    }
    Ops layer = tf.withSubScope(name);
    return layer.withName("Relu").nn.relu(layer.nn.conv2d(x,
        layer.constant(Shape.of(3, 3, in, out), DataBuffers.of(kernel, true, false)),
        List.of(1L, 1L, 1L, 1L), "SAME"));
  }
}
