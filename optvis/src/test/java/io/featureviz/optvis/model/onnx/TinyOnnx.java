package io.featureviz.optvis.model.onnx;

import static io.featureviz.optvis.testing.ProtoMessages.message;

import io.featureviz.optvis.testing.ProtoMessages;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes small ONNX models field by field ({@link ProtoMessages}) (field numbers of
 * onnx.proto), so tests build exactly the file they need instead of committing binaries.
 */
public final class TinyOnnx {
  private TinyOnnx() {}

  /** A ModelProto of one graph for the default domain at this opset. */
  public static byte[] model(long opset, List<byte[]> nodes, List<byte[]> initializers) {
    byte[] graph = message(out -> {
      for (byte[] node : nodes) {
        out.writeByteArray(1, node);
      }
      for (byte[] tensor : initializers) {
        out.writeByteArray(5, tensor);
      }
      out.writeByteArray(11, valueInfo("image", 1, 3, 8, 8));
      out.writeByteArray(12, valueInfo("y", 1, 4, 8, 8));
    });
    return message(out -> {
      out.writeInt64(1, 8);
      out.writeByteArray(8, message(o -> {
        o.writeString(1, "");
        o.writeInt64(2, opset);
      }));
      out.writeByteArray(7, graph);
    });
  }

  public static byte[] node(String opType, String name, List<String> inputs, List<String> outputs,
      byte[]... attributes) {
    return message(out -> {
      for (String input : inputs) {
        out.writeString(1, input);
      }
      for (String output : outputs) {
        out.writeString(2, output);
      }
      out.writeString(3, name);
      out.writeString(4, opType);
      for (byte[] attribute : attributes) {
        out.writeByteArray(5, attribute);
      }
    });
  }

  public static byte[] intsAttribute(String name, long... values) {
    return message(out -> {
      out.writeString(1, name);
      out.writeInt32(20, 7);
      for (long value : values) {
        out.writeInt64(8, value);
      }
    });
  }

  /** A float tensor with its values in raw_data. */
  public static byte[] tensor(String name, long[] dims, float[] values) {
    byte[] raw = littleEndian(values);
    return message(out -> {
      for (long dim : dims) {
        out.writeInt64(1, dim);
      }
      out.writeInt32(2, 1);
      out.writeString(8, name);
      out.writeByteArray(9, raw);
    });
  }

  /** A float tensor whose values live in an external file at {@code location}. */
  public static byte[] externalTensor(String name, long[] dims, String location) {
    return message(out -> {
      for (long dim : dims) {
        out.writeInt64(1, dim);
      }
      out.writeInt32(2, 1);
      out.writeString(8, name);
      out.writeByteArray(13, message(o -> {
        o.writeString(1, "location");
        o.writeString(2, location);
      }));
      out.writeEnum(14, 1);
    });
  }

  public static byte[] valueInfo(String name, long... dims) {
    byte[] shape = message(out -> {
      for (long dim : dims) {
        out.writeByteArray(1, message(o -> o.writeInt64(1, dim)));
      }
    });
    byte[] tensorType = message(out -> {
      out.writeInt32(1, 1);
      out.writeByteArray(2, shape);
    });
    return message(out -> {
      out.writeString(1, name);
      out.writeByteArray(2, message(o -> o.writeByteArray(1, tensorType)));
    });
  }

  /** Conv (4 filters of 1x1) then Relu: a minimal valid image model. */
  public static List<byte[]> convRelu() {
    return List.of(
        node("Conv", "conv", List.of("image", "w"), List.of("c"),
            intsAttribute("kernel_shape", 1, 1)),
        node("Relu", "relu", List.of("c"), List.of("y")));
  }

  /** Per-channel gamma, beta, mean and variance of {@link #convBatchNormRelu}'s normalization. */
  public static final float[][] NORM = {
      {1.5f, -0.5f, 2f, 0.8f}, {0.1f, 0.2f, -0.3f, 0f}, {0.5f, -1f, 0f, 2f}, {1f, 4f, 0.25f, 2f}};

  /**
   * Conv without bias ({@link #weights}, output "c"), BatchNormalization ({@link #NORM}, default
   * epsilon, output "n") and Relu: what exporters that do not fold normalizations write.
   */
  public static byte[] convBatchNormRelu() {
    List<String> norm = List.of("gamma", "beta", "mean", "variance");
    List<byte[]> initializers = new java.util.ArrayList<>();
    initializers.add(tensor("w", WEIGHT_SHAPE, weights()));
    for (int i = 0; i < norm.size(); i++) {
      initializers.add(tensor(norm.get(i), new long[] {4}, NORM[i]));
    }
    return model(13, List.of(
        node("Conv", "conv", List.of("image", "w"), List.of("c"),
            intsAttribute("kernel_shape", 1, 1)),
        node("BatchNormalization", "norm", List.of("c", "gamma", "beta", "mean", "variance"),
            List.of("n")),
        node("Relu", "relu", List.of("n"), List.of("y"))), initializers);
  }

  public static float[] weights() {
    float[] w = new float[12];
    for (int i = 0; i < w.length; i++) {
      w[i] = (i % 5) - 2f;
    }
    return w;
  }

  /** {@link #weights} as an external data file holds them. */
  public static byte[] weightsData() {
    return littleEndian(weights());
  }

  /** Floats as ONNX stores them in raw_data and external files. */
  private static byte[] littleEndian(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return bytes.array();
  }

  public static final long[] WEIGHT_SHAPE = {4, 3, 1, 1};
}
