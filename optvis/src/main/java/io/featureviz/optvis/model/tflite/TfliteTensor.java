package io.featureviz.optvis.model.tflite;

/**
 * One tensor of the main subgraph.
 *
 * @param index its index in the subgraph, as operators refer to it
 * @param data its constant contents (little endian), or null for an activation
 */
record TfliteTensor(
    int index,
    String name,
    int[] shape,
    TensorType type,
    Quantization quantization,
    java.nio.ByteBuffer data) {

  boolean isConstant() {
    return data != null;
  }

  int elementCount() {
    int count = 1;
    for (int dim : shape) {
      count *= dim;
    }
    return count;
  }

  /** The size of the last dimension: channels of an NHWC activation, classes of logits. */
  int channels() {
    return shape[shape.length - 1];
  }
}
