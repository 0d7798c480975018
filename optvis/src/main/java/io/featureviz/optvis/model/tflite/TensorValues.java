package io.featureviz.optvis.model.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads a constant tensor's contents as float32, dequantizing integer tensors. */
final class TensorValues {

  private TensorValues() {}

  static float[] floats(TfliteTensor tensor) throws TfliteFormatException {
    ByteBuffer data = tensor.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int count = tensor.elementCount();
    int elementSize = elementSize(tensor);
    if ((long) count * elementSize != data.remaining()) {
      throw new TfliteFormatException("tensor '" + tensor.name() + "' holds " + data.remaining()
          + " bytes, but its shape and type need " + (long) count * elementSize);
    }
    float[] values = new float[count];
    if (tensor.type() == TensorType.FLOAT32) {
      data.asFloatBuffer().get(values);
      return values;
    }
    Quantization quantization = checkedQuantization(tensor);
    int[] shape = tensor.shape();
    int axis = quantization.axis();
    int axisStride = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      axisStride *= shape[d];
    }
    int axisSize = quantization.isPerAxis() ? shape[axis] : 1;
    for (int i = 0; i < count; i++) {
      values[i] = quantization.dequantize(rawValue(tensor.type(), data, i), i / axisStride % axisSize);
    }
    return values;
  }

  private static Quantization checkedQuantization(TfliteTensor tensor)
      throws TfliteFormatException {
    Quantization quantization = tensor.quantization();
    if (!quantization.isPresent()) {
      throw new TfliteFormatException("constant tensor '" + tensor.name() + "' of type "
          + tensor.type() + " has no quantization scale");
    }
    int axis = quantization.axis();
    if (quantization.isPerAxis()
        && (axis < 0 || axis >= tensor.shape().length
            || tensor.shape()[axis] != quantization.scales().length)) {
      throw new TfliteFormatException("tensor '" + tensor.name() + "' has "
          + quantization.scales().length + " scales that do not match axis " + axis);
    }
    return quantization;
  }

  private static int elementSize(TfliteTensor tensor) throws TfliteFormatException {
    return switch (tensor.type()) {
      case FLOAT32, INT32 -> 4;
      case INT16 -> 2;
      case UINT8, INT8 -> 1;
      default -> throw new TfliteFormatException(
          "constant tensor '" + tensor.name() + "' has unsupported type " + tensor.type());
    };
  }

  private static long rawValue(TensorType type, ByteBuffer data, int i) {
    return switch (type) {
      case UINT8 -> Byte.toUnsignedInt(data.get(i));
      case INT8 -> data.get(i);
      case INT16 -> data.getShort(2 * i);
      case INT32 -> data.getInt(4 * i);
      default -> throw new IllegalArgumentException("not a quantized type: " + type);
    };
  }
}
