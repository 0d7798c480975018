package io.featureviz.client.models;

import static io.featureviz.optvis.testing.ProtoMessages.message;
import static io.featureviz.uploads.TestZips.zip;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Model files as users upload them, good and malformed: the shared MobileNet (TFLite, ONNX), and
 * a tiny TF.js layers model and frozen GraphDef written here byte by byte, since the client
 * carries no engine. Every good one takes 16 px or more, so a 64 px render fits its bounds.
 */
final class TestModels {

  static final Path SHARED = Path.of(System.getProperty("fv.models.dir"));
  static final Path MOBILENET_TFLITE =
      SHARED.resolve("mobilenet_v2_1.0_224_quant/mobilenet_v2_1.0_224_quant.tflite");
  static final Path MOBILENET_LABELS =
      SHARED.resolve("mobilenet_v2_1.0_224_quant/imagenet_labels.txt");
  static final Path MOBILENET_ONNX =
      SHARED.resolve("mobilenet_v2_1.0_224_onnx/mobilenet_v2_1.0_224.onnx");

  /** The tiny models' input side. */
  static final int TINY_INPUT = 16;

  /** {@link #graphDef}'s featureviz-model.json: its input and its two ReLU layers. */
  static final String GRAPHDEF_METADATA = """
      {"format": "graphdef", "input": "input:0", "input_size": 16, "value_range": [0, 1],
       "layers": [{"name": "conv1", "tensor": "conv1/Relu:0"},
                  {"name": "conv2", "tensor": "conv2/Relu:0"}]}
      """;

  private TestModels() {}

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code length} bytes: a header the cheap checks accept, a model no engine loads. */
  static byte[] truncated(Path file, int length) {
    return Arrays.copyOf(read(file), length);
  }

  /** Bytes that are no model at all, the same on every run. */
  static byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    new Random(13).nextBytes(bytes);
    return bytes;
  }

  // --- TF.js layers: model.json and weights.bin in a zip ---

  /** 16x16 RGB input, then one 3x3 Conv2D "conv" of 4 filters with ReLU. */
  static byte[] tfjsZip() {
    return tfjsZip(tfjsWeights());
  }

  /** The same model.json, its weights file cut short: the engine names the weight it misses. */
  static byte[] tfjsZipWithTruncatedWeights() {
    return tfjsZip(Arrays.copyOf(tfjsWeights(), 100));
  }

  private static byte[] tfjsZip(byte[] weights) {
    String modelJson = """
        {"format": "layers-model",
         "modelTopology": {"model_config": {"class_name": "Model", "config": {
           "name": "tiny", "layers": [
             {"name": "input", "class_name": "InputLayer", "inbound_nodes": [],
              "config": {"batch_input_shape": [null, 16, 16, 3]}},
             {"name": "conv", "class_name": "Conv2D", "inbound_nodes": [[["input", 0, 0, {}]]],
              "config": {"filters": 4, "kernel_size": [3, 3], "strides": [1, 1],
                         "padding": "same", "data_format": "channels_last",
                         "dilation_rate": [1, 1], "activation": "relu", "use_bias": true}}],
           "input_layers": [["input", 0, 0]], "output_layers": [["conv", 0, 0]]}}},
         "weightsManifest": [{"paths": ["weights.bin"], "weights": [
           {"name": "conv/kernel", "shape": [3, 3, 3, 4], "dtype": "float32"},
           {"name": "conv/bias", "shape": [4], "dtype": "float32"}]}]}
        """;
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("tiny/model.json", modelJson.getBytes(StandardCharsets.UTF_8));
    entries.put("tiny/weights.bin", weights);
    return zip(entries);
  }

  /** Kernel 3x3x3x4 then bias 4, float32 little-endian. */
  private static byte[] tfjsWeights() {
    return littleEndian(pattern(3 * 3 * 3 * 4 + 4));
  }

  // --- a frozen GraphDef, written with the field numbers of TensorFlow's graph.proto ---

  private static final int DT_FLOAT = 1;

  /**
   * {@code input} (Placeholder, [-1, 16, 16, 3]), then {@code conv1/Relu} (3x3, 4 channels) and
   * {@code conv2/Relu} (3x3, 6 channels), weights held as Const nodes.
   */
  static byte[] graphDef() {
    return message(out -> {
      out.writeByteArray(1, node("input", "Placeholder", new String[0],
          attr("dtype", type()), attr("shape", message(a -> a.writeByteArray(7,
              shape(-1, TINY_INPUT, TINY_INPUT, 3))))));
      conv(out, "conv1", "input", 3, 4);
      conv(out, "conv2", "conv1/Relu", 4, 6);
    });
  }

  private static void conv(CodedOutputStream out, String name, String input, int in, int channels)
      throws IOException {
    byte[] kernel = message(t -> {
      t.writeEnum(1, DT_FLOAT);
      t.writeByteArray(2, shape(3, 3, in, channels));
      t.writeByteArray(4, littleEndian(pattern(9 * in * channels)));
    });
    out.writeByteArray(1, node(name + "/w", "Const", new String[0],
        attr("dtype", type()), attr("value", message(a -> a.writeByteArray(8, kernel)))));
    out.writeByteArray(1, node(name + "/Conv2D", "Conv2D", new String[] {input, name + "/w"},
        attr("T", type()),
        attr("strides", message(a -> a.writeByteArray(1, message(list -> {
          for (int i = 0; i < 4; i++) {
            list.writeInt64(3, 1);
          }
        })))),
        attr("padding", message(a -> a.writeByteArray(2, "SAME".getBytes(
            StandardCharsets.US_ASCII))))));
    out.writeByteArray(1, node(name + "/Relu", "Relu", new String[] {name + "/Conv2D"},
        attr("T", type())));
  }

  /** NodeDef: name 1, op 2, input 3, attr 5 (map entries: key 1, AttrValue 2). */
  private static byte[] node(String name, String op, String[] inputs, byte[]... attributes) {
    return message(out -> {
      out.writeString(1, name);
      out.writeString(2, op);
      for (String input : inputs) {
        out.writeString(3, input);
      }
      for (byte[] attribute : attributes) {
        out.writeByteArray(5, attribute);
      }
    });
  }

  private static byte[] attr(String key, byte[] value) {
    return message(out -> {
      out.writeString(1, key);
      out.writeByteArray(2, value);
    });
  }

  /** AttrValue of type float32 (field 6). */
  private static byte[] type() {
    return message(out -> out.writeEnum(6, DT_FLOAT));
  }

  /** TensorShapeProto: dim 2, each with its size 1. */
  private static byte[] shape(long... sizes) {
    return message(out -> {
      for (long size : sizes) {
        out.writeByteArray(2, message(d -> d.writeInt64(1, size)));
      }
    });
  }

  // --- shared helpers ---

  /** Small weights of both signs, so every channel responds to some input. */
  private static float[] pattern(int length) {
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (i % 7 - 3) * 0.1f;
    }
    return values;
  }

  private static byte[] littleEndian(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return bytes.array();
  }
}
