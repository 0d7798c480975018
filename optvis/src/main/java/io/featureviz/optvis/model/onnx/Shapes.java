package io.featureviz.optvis.model.onnx;

/** Index arithmetic on row-major shapes, and the limits that keep absurd shapes out. */
final class Shapes {

  /** More elements than this in one tensor is no image model's (2^31 - 1 bytes of floats). */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE / 4;

  private Shapes() {}

  /**
   * An int32 graph constant: shapes, permutations and paddings are given as int32, since some of
   * TensorFlow's gradients (Pad's) build int32 index tensors that must match.
   */
  static org.tensorflow.Operand<org.tensorflow.types.TInt32> int32(org.tensorflow.op.Ops tf,
      long... values) {
    return tf.constant(java.util.Arrays.stream(values).mapToInt(Math::toIntExact).toArray());
  }

  /** An int32 [n, 2] constant of paddings. */
  static org.tensorflow.Operand<org.tensorflow.types.TInt32> int32(org.tensorflow.op.Ops tf,
      long[][] pairs) {
    int[][] values = new int[pairs.length][];
    for (int i = 0; i < pairs.length; i++) {
      values[i] = java.util.Arrays.stream(pairs[i]).mapToInt(Math::toIntExact).toArray();
    }
    return tf.constant(values);
  }

  static long[] strides(long[] shape) {
    long[] strides = new long[shape.length];
    long stride = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = stride;
      stride *= shape[i];
    }
    return strides;
  }

  static void unflatten(long flat, long[] shape, long[] index) {
    for (int i = shape.length - 1; i >= 0; i--) {
      index[i] = flat % shape[i];
      flat /= shape[i];
    }
  }

  /** The element count of a shape, refusing negative dimensions and absurd sizes. */
  static int elements(long[] shape, String what) {
    long count = 1;
    for (long dim : shape) {
      if (dim < 0 || dim > MAX_ELEMENTS) {
        throw new OnnxImportException(what + " has an invalid dimension " + dim);
      }
      count *= dim;
      if (count > MAX_ELEMENTS) {
        throw new OnnxImportException(what + " has over " + MAX_ELEMENTS + " elements");
      }
    }
    return (int) count;
  }

  /** A possibly negative axis counted from the end, checked against the rank. */
  static int axis(long axis, int rank, String what) {
    long resolved = axis < 0 ? axis + rank : axis;
    if (resolved < 0 || resolved >= rank) {
      throw new OnnxImportException(what + ": axis " + axis + " is out of range for rank " + rank);
    }
    return (int) resolved;
  }
}
