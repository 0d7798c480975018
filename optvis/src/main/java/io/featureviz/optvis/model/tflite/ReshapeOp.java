package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * RESHAPE to the output tensor's recorded shape, with the batch dimension left free (-1) so the
 * network takes any batch size. The recorded shape is used rather than ReshapeOptions.new_shape
 * because converters put the target shape in either that option or a second input tensor.
 */
record ReshapeOp(int input, int output, int[] shape) implements GraphOp {

  static ReshapeOp prepare(OperatorInputs in) throws TfliteFormatException {
    TfliteTensor output = in.output();
    int[] shape = output.shape().clone();
    if (shape.length == 0) {
      throw new TfliteFormatException("RESHAPE to a scalar '" + output.name() + "'");
    }
    shape[0] = -1;
    return new ReshapeOp(in.inputIndex(0), output.index(), shape);
  }

  @Override
  public int[] inputs() {
    return new int[] {input};
  }

  @Override
  public Operand<TFloat32> build(NetworkBuilder net, List<Operand<TFloat32>> inputs) {
    return net.tf().reshape(inputs.get(0), net.tf().constant(shape));
  }
}
