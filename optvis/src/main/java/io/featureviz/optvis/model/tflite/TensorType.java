package io.featureviz.optvis.model.tflite;

/** The element types of TFLite tensors, by their schema code. */
enum TensorType {
  FLOAT32,
  FLOAT16,
  INT32,
  UINT8,
  INT64,
  STRING,
  BOOL,
  INT16,
  COMPLEX64,
  INT8;

  static TensorType of(int code) throws TfliteFormatException {
    TensorType[] types = values();
    if (code < 0 || code >= types.length) {
      throw new TfliteFormatException("unsupported TFLite tensor type code " + code);
    }
    return types[code];
  }
}
