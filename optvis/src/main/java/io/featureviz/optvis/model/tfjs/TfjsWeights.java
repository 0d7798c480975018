package io.featureviz.optvis.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;

/**
 * Reads the weights a TensorFlow.js {@code weightsManifest} describes: each group's files are
 * one byte stream holding its weights back to back, little-endian. Quantized weights (uint8,
 * uint16) are dequantized as {@code min + scale * q}.
 */
final class TfjsWeights {

  private TfjsWeights() {}

  static Map<String, Weight> read(JsonNode weightsManifest, ModelFiles files) {
    Map<String, Weight> weights = new HashMap<>();
    for (JsonNode group : weightsManifest) {
      ByteBuffer data = ByteBuffer.wrap(concat(group.required("paths"), files))
          .order(ByteOrder.LITTLE_ENDIAN);
      for (JsonNode spec : group.required("weights")) {
        Weight weight = read(spec, data, group.required("paths"));
        weights.put(weight.name(), weight);
      }
      if (data.hasRemaining()) {
        throw new TfjsFormatException("weight files " + group.get("paths") + " hold "
            + data.remaining() + " bytes more than their manifest describes");
      }
    }
    return weights;
  }

  private static byte[] concat(JsonNode paths, ModelFiles files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    paths.forEach(path -> bytes.writeBytes(files.read(path.asText())));
    return bytes.toByteArray();
  }

  private static Weight read(JsonNode spec, ByteBuffer data, JsonNode paths) {
    String name = spec.required("name").asText();
    long[] dims = new long[spec.required("shape").size()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = spec.get("shape").get(i).asLong();
    }
    Shape shape = Shape.of(dims);
    if (!spec.required("dtype").asText().equals("float32")) {
      throw new TfjsFormatException("weight '" + name + "' has dtype " + spec.get("dtype")
          + "; layers take float32 weights");
    }
    JsonNode quantization = spec.get("quantization");
    String dtype = quantization != null ? quantization.required("dtype").asText()
        : spec.required("dtype").asText();
    int bytesPerValue = switch (dtype) {
      case "uint8" -> 1;
      case "uint16" -> 2;
      case "float32" -> 4;
      default -> throw new TfjsFormatException("weight '" + name + "' has unsupported dtype "
          + dtype + " (supported: float32, and uint8 or uint16 quantization)");
    };
    float[] values = new float[Math.toIntExact(shape.size())];
    if ((long) values.length * bytesPerValue > data.remaining()) {
      throw new TfjsFormatException("weight files " + paths + " are truncated: weight '" + name
          + "' needs " + (long) values.length * bytesPerValue + " bytes at offset "
          + data.position() + ", only " + data.remaining() + " remain");
    }
    if (quantization == null) {
      data.asFloatBuffer().get(values);
      data.position(data.position() + values.length * bytesPerValue);
      return new Weight(name, shape, values);
    }
    if (!quantization.has("min") || !quantization.has("scale")) {
      throw new TfjsFormatException("weight '" + name + "' has " + dtype
          + " quantization without min and scale");
    }
    // In double, then rounded once, as TensorFlow.js does: the same floats as in the browser.
    double min = quantization.get("min").asDouble();
    double scale = quantization.get("scale").asDouble();
    for (int i = 0; i < values.length; i++) {
      int q = bytesPerValue == 1
          ? Byte.toUnsignedInt(data.get()) : Short.toUnsignedInt(data.getShort());
      values[i] = (float) (q * scale + min);
    }
    return new Weight(name, shape, values);
  }
}
