package io.featureviz.optvis.model.tflite;

/**
 * The values the network's input expects for black and white pixels. A quantized input states it
 * exactly: the real values of its smallest and largest integer.
 */
record InputRange(float min, float max) {

  /** Float inputs carry no range; [0, 1] is the only neutral assumption. */
  static final InputRange UNIT = new InputRange(0f, 1f);

  static InputRange of(TfliteTensor input) throws TfliteFormatException {
    Quantization quantization = input.quantization();
    return switch (input.type()) {
      case FLOAT32 -> UNIT;
      case UINT8 -> quantized(quantization, 0, 255, input);
      case INT8 -> quantized(quantization, -128, 127, input);
      default -> throw new TfliteFormatException(
          "unsupported input type " + input.type() + " of '" + input.name() + "'");
    };
  }

  private static InputRange quantized(Quantization quantization, int qMin, int qMax,
      TfliteTensor input) throws TfliteFormatException {
    if (!quantization.isPresent()) {
      throw new TfliteFormatException("quantized input '" + input.name() + "' has no scale");
    }
    return new InputRange(quantization.dequantize(qMin, 0), quantization.dequantize(qMax, 0));
  }
}
