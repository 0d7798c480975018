package io.featureviz.optvis.model.tfjs;

import io.featureviz.optvis.model.NetworkBuilder;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Keras activation names as TF ops; ReLUs go through the builder so the renderer can swap them. */
final class Activations {

  private Activations() {}

  static Operand<TFloat32> apply(KerasLayer layer, NetworkBuilder net, Ops tf,
      Operand<TFloat32> x) {
    String activation = layer.param("activation").asText();
    return switch (activation) {
      case "linear" -> x;
      case "relu" -> net.relu(x);
      case "relu6" -> net.relu6(x);
      case "sigmoid" -> tf.math.sigmoid(x);
      case "tanh" -> tf.math.tanh(x);
      default -> throw new TfjsFormatException(layer.describe() + " has unsupported activation '"
          + activation + "' (supported: linear, relu, relu6, sigmoid, tanh)");
    };
  }
}
