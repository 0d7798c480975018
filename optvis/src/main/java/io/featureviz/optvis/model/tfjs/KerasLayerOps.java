package io.featureviz.optvis.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.optvis.model.BatchNorm;
import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/** Turns one Keras layer (NHWC, channels_last) into TF ops, with its weights as constants. */
final class KerasLayerOps {

  private final NetworkBuilder net;
  private final Map<String, Weight> weights;

  KerasLayerOps(NetworkBuilder net, Map<String, Weight> weights) {
    this.net = net;
    this.weights = weights;
  }

  /** @param tf ops scoped to this layer, so its ops are named after it */
  Operand<TFloat32> apply(KerasLayer layer, List<Operand<TFloat32>> inputs, Ops tf) {
    return switch (layer.className()) {
      case "Conv2D" -> conv2d(layer, single(layer, inputs), tf);
      case "BatchNormalization" -> batchNormalization(layer, single(layer, inputs), tf);
      case "Activation" -> Activations.apply(layer, net, tf, single(layer, inputs));
      case "MaxPooling2D", "AveragePooling2D" -> pooling(layer, single(layer, inputs), tf);
      case "Concatenate" -> tf.concat(inputs, tf.constant(layer.param("axis").asInt()));
      default -> throw new TfjsFormatException("unsupported " + layer.describe()
          + "; supported layer types: InputLayer, Conv2D, BatchNormalization, Activation,"
          + " MaxPooling2D, AveragePooling2D, Concatenate");
    };
  }

  private Operand<TFloat32> conv2d(KerasLayer layer, Operand<TFloat32> x, Ops tf) {
    Operand<TFloat32> y = convolution(layer, x, weight(layer, "kernel").values(), bias(layer), tf);
    return Activations.apply(layer, net, tf, y);
  }

  /**
   * A Conv2D without activation and the BatchNormalization that takes its output, as one
   * convolution with the normalization folded into its kernel and bias ({@link BatchNorm} says
   * why).
   *
   * @param tf ops scoped to the normalization layer, whose output this is
   */
  Operand<TFloat32> conv2dWithBatchNorm(KerasLayer conv, KerasLayer norm,
      List<Operand<TFloat32>> inputs, Ops tf) {
    BatchNorm folded = batchNorm(norm);
    return convolution(conv, single(conv, inputs),
        folded.foldIntoKernel(weight(conv, "kernel").values()), folded.foldIntoBias(bias(conv)), tf);
  }

  private Operand<TFloat32> convolution(KerasLayer layer, Operand<TFloat32> x, float[] kernel,
      float[] bias, Ops tf) {
    requireChannelsLast(layer);
    if (layer.config().path("groups").asInt(1) != 1) {
      throw new TfjsFormatException(layer.describe() + " is a grouped convolution (groups "
          + layer.config().get("groups") + "); only groups 1 is supported");
    }
    Weight filter = weight(layer, "kernel");
    Operand<TFloat32> y = tf.nn.conv2d(x, new Weight(filter.name(), filter.shape(), kernel)
        .constant(tf), window(layer.param("strides")), padding(layer),
        Conv2d.dilations(window(layer.param("dilation_rate"))));
    return bias == null ? y
        : tf.nn.biasAdd(y, tf.constant(Shape.of(bias.length), DataBuffers.of(bias)));
  }

  /** The convolution's bias, null when it has none. */
  private float[] bias(KerasLayer conv) {
    return conv.param("use_bias").asBoolean() ? weight(conv, "bias").values() : null;
  }

  private Operand<TFloat32> pooling(KerasLayer layer, Operand<TFloat32> x, Ops tf) {
    requireChannelsLast(layer);
    List<Long> pool = window(layer.param("pool_size"));
    // Keras pooling strides default to the pool size.
    JsonNode strideConfig = layer.config().get("strides");
    List<Long> strides = strideConfig == null || strideConfig.isNull() ? pool : window(strideConfig);
    return layer.className().equals("MaxPooling2D")
        ? tf.nn.maxPool(x, tf.constant(toInts(pool)), tf.constant(toInts(strides)), padding(layer))
        : tf.nn.avgPool(x, pool, strides, padding(layer));
  }

  /** Inference-mode batch norm as one multiply and one add per channel. */
  private Operand<TFloat32> batchNormalization(KerasLayer layer, Operand<TFloat32> x, Ops tf) {
    BatchNorm norm = batchNorm(layer);
    Shape channels = Shape.of(norm.channels());
    return tf.math.add(tf.math.mul(x, tf.constant(channels, DataBuffers.of(norm.scale()))),
        tf.constant(channels, DataBuffers.of(norm.shift())));
  }

  private BatchNorm batchNorm(KerasLayer layer) {
    JsonNode axis = layer.param("axis");
    int channelAxis = axis.isArray() && axis.size() == 1 ? axis.get(0).asInt() : axis.asInt();
    if (channelAxis != 3 && channelAxis != -1) {
      throw new TfjsFormatException(layer.describe() + " normalizes axis " + axis
          + "; only the channel axis (3 or -1) is supported");
    }
    return BatchNorm.of(
        layer.param("scale").asBoolean() ? weight(layer, "gamma").values() : null,
        layer.param("center").asBoolean() ? weight(layer, "beta").values() : null,
        weight(layer, "moving_mean").values(), weight(layer, "moving_variance").values(),
        layer.param("epsilon").asDouble());
  }

  private Weight weight(KerasLayer layer, String parameter) {
    String name = layer.name() + "/" + parameter;
    Weight weight = weights.get(name);
    if (weight == null) {
      throw new TfjsFormatException(layer.describe() + " needs weight '" + name
          + "', which the weights manifest lacks");
    }
    return weight;
  }

  private static Operand<TFloat32> single(KerasLayer layer, List<Operand<TFloat32>> inputs) {
    if (inputs.size() != 1) {
      throw new TfjsFormatException(layer.describe() + " takes one input, has " + inputs.size());
    }
    return inputs.get(0);
  }

  private static void requireChannelsLast(KerasLayer layer) {
    JsonNode format = layer.config().get("data_format");
    if (format != null && !format.asText().equals("channels_last")) {
      throw new TfjsFormatException(layer.describe() + " uses data_format " + format
          + "; only channels_last is supported");
    }
  }

  /** A Keras [h, w] window parameter as NHWC [1, h, w, 1]. */
  private static List<Long> window(JsonNode pair) {
    return List.of(1L, pair.get(0).asLong(), pair.get(1).asLong(), 1L);
  }

  private static int[] toInts(List<Long> values) {
    return values.stream().mapToInt(Long::intValue).toArray();
  }

  private static String padding(KerasLayer layer) {
    String padding = layer.param("padding").asText();
    return switch (padding) {
      case "same" -> "SAME";
      case "valid" -> "VALID";
      default -> throw new TfjsFormatException(layer.describe() + " has unsupported padding '"
          + padding + "'");
    };
  }
}
