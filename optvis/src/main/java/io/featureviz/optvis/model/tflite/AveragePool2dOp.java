package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** AVERAGE_POOL_2D; like TensorFlow, SAME padding leaves padded cells out of the average. */
record AveragePool2dOp(
    int input, int output, int filterH, int filterW, WindowGeometry geometry,
    FusedActivation activation)
    implements GraphOp {

  static AveragePool2dOp prepare(OperatorInputs in) throws TfliteFormatException {
    FlatBufferTable options = in.op().requireOptions();
    return new AveragePool2dOp(
        in.inputIndex(0),
        in.output().index(),
        options.intField(TfliteSchema.Pool2DOptions.FILTER_HEIGHT, 1),
        options.intField(TfliteSchema.Pool2DOptions.FILTER_WIDTH, 1),
        new WindowGeometry(
            WindowGeometry.padding(options.byteField(TfliteSchema.Pool2DOptions.PADDING, 0)),
            options.intField(TfliteSchema.Pool2DOptions.STRIDE_H, 1),
            options.intField(TfliteSchema.Pool2DOptions.STRIDE_W, 1),
            1,
            1),
        FusedActivation.of(
            options.byteField(TfliteSchema.Pool2DOptions.FUSED_ACTIVATION_FUNCTION, 0),
            in.op().name()));
  }

  @Override
  public int[] inputs() {
    return new int[] {input};
  }

  @Override
  public Operand<TFloat32> build(NetworkBuilder net, List<Operand<TFloat32>> inputs) {
    List<Long> window = List.of(1L, (long) filterH, (long) filterW, 1L);
    return activation.apply(net, net.tf().nn.avgPool(
        inputs.get(0), window, geometry.strides(), geometry.padding()));
  }
}
