package io.featureviz.optvis.model.tflite;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Access to an operator's input and output tensors while preparing a {@link GraphOp}. */
record OperatorInputs(TfliteOperator op, TfliteModelFile file) {

  TfliteTensor input(int position) throws TfliteFormatException {
    if (position >= op.inputs().length || op.inputs()[position] < 0) {
      throw new TfliteFormatException(op.name() + " lacks its input " + position);
    }
    return file.tensor(op.inputs()[position]);
  }

  int inputIndex(int position) throws TfliteFormatException {
    return input(position).index();
  }

  TfliteTensor output() throws TfliteFormatException {
    if (op.outputs().length != 1) {
      throw new TfliteFormatException(op.name() + " with " + op.outputs().length + " outputs");
    }
    return file.tensor(op.outputs()[0]);
  }

  /** A weight or bias input, which must be stored in the file. */
  float[] constant(int position) throws TfliteFormatException {
    TfliteTensor tensor = input(position);
    if (!tensor.isConstant()) {
      throw new TfliteFormatException(op.name() + " with computed (non-constant) input '"
          + tensor.name() + "' is not supported");
    }
    return TensorValues.floats(tensor);
  }

  /** An optional constant input such as a bias, or null when the operator omits it. */
  float[] optionalConstant(int position) throws TfliteFormatException {
    boolean present = position < op.inputs().length && op.inputs()[position] >= 0;
    return present ? constant(position) : null;
  }

  static Operand<TFloat32> constant(Ops tf, float[] values, long... shape) {
    return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
  }
}
