package io.featureviz.optvis.model.tflite;

import java.util.List;

/** Padding, strides and dilations of a convolution or pooling window, as TensorFlow takes them. */
record WindowGeometry(String padding, int strideH, int strideW, int dilationH, int dilationW) {

  private static final int PADDING_SAME = 0;
  private static final int PADDING_VALID = 1;

  /** TFLite's SAME pads like TensorFlow's SAME (extra row/column at the bottom/right). */
  static String padding(int code) throws TfliteFormatException {
    return switch (code) {
      case PADDING_SAME -> "SAME";
      case PADDING_VALID -> "VALID";
      default -> throw new TfliteFormatException("unknown padding code " + code);
    };
  }

  List<Long> strides() {
    return List.of(1L, (long) strideH, (long) strideW, 1L);
  }

  List<Long> dilations() {
    return List.of(1L, (long) dilationH, (long) dilationW, 1L);
  }
}
