package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** ADD: element-wise sum with broadcasting and a fused activation. */
record AddOp(int left, int right, int output, FusedActivation activation) implements GraphOp {

  static AddOp prepare(OperatorInputs in) throws TfliteFormatException {
    FlatBufferTable options = in.op().options();
    int activation = options == null
        ? 0
        : options.byteField(TfliteSchema.AddOptions.FUSED_ACTIVATION_FUNCTION, 0);
    return new AddOp(in.inputIndex(0), in.inputIndex(1), in.output().index(),
        FusedActivation.of(activation, in.op().name()));
  }

  @Override
  public int[] inputs() {
    return new int[] {left, right};
  }

  @Override
  public Operand<TFloat32> build(NetworkBuilder net, List<Operand<TFloat32>> inputs) {
    return activation.apply(net, net.tf().math.add(inputs.get(0), inputs.get(1)));
  }
}
