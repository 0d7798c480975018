package io.featureviz.optvis.model.tflite;

/**
 * Affine quantization of a tensor: {@code real = scale * (q - zeroPoint)}, with one scale and zero
 * point for the whole tensor or one per index along {@code axis}.
 */
record Quantization(float[] scales, long[] zeroPoints, int axis) {

  static final Quantization NONE = new Quantization(new float[0], new long[0], 0);

  boolean isPresent() {
    return scales.length > 0;
  }

  boolean isPerAxis() {
    return scales.length > 1;
  }

  /** Dequantizes one value; {@code channel} is its index along the axis (ignored per tensor). */
  float dequantize(long q, int channel) {
    int i = isPerAxis() ? channel : 0;
    long zeroPoint = zeroPoints.length == 0 ? 0 : zeroPoints[zeroPoints.length > 1 ? i : 0];
    return scales[i] * (q - zeroPoint);
  }
}
