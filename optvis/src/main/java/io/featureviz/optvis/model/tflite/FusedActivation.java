package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** TFLite's {@code ActivationFunctionType}, for the activations we can rebuild. */
enum FusedActivation {
  NONE,
  RELU,
  RELU6;

  private static final int CODE_RELU = 1;
  private static final int CODE_RELU6 = 3;

  static FusedActivation of(int code, String opName) throws TfliteFormatException {
    return switch (code) {
      case 0 -> NONE;
      case CODE_RELU -> RELU;
      case CODE_RELU6 -> RELU6;
      default -> throw new TfliteFormatException(
          "unsupported fused activation function " + code + " in " + opName);
    };
  }

  /** Applies the activation through the builder, so the renderer can swap ReLU gradients. */
  Operand<TFloat32> apply(NetworkBuilder net, Operand<TFloat32> x) {
    return switch (this) {
      case NONE -> x;
      case RELU -> net.relu(x);
      case RELU6 -> net.relu6(x);
    };
  }
}
