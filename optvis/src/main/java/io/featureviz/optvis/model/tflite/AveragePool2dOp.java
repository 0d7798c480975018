package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** AVERAGE_POOL_2D; like TensorFlow, SAME padding leaves padded cells out of the average. */
record AveragePool2dOp(
    int input, int output, int filterH, int filterW, WindowGeometry geometry,
    FusedActivation activation, boolean global)
    implements GraphOp {

  static AveragePool2dOp prepare(OperatorInputs in) throws TfliteFormatException {
    FlatBufferTable options = in.op().requireOptions();
    int[] inputShape = in.input(0).shape();
    int filterH = options.intField(TfliteSchema.Pool2DOptions.FILTER_HEIGHT, 1);
    int filterW = options.intField(TfliteSchema.Pool2DOptions.FILTER_WIDTH, 1);
    // A window as large as the whole feature map is a global average pool: keep it global
    // at every input size, so that the logits stay [batch, classes] when the renderer feeds
    // padded or larger images.
    boolean global = inputShape.length == 4 && inputShape[1] == filterH
        && inputShape[2] == filterW;
    return new AveragePool2dOp(
        in.inputIndex(0),
        in.output().index(),
        filterH,
        filterW,
        new WindowGeometry(
            WindowGeometry.padding(options.byteField(TfliteSchema.Pool2DOptions.PADDING, 0)),
            options.intField(TfliteSchema.Pool2DOptions.STRIDE_H, 1),
            options.intField(TfliteSchema.Pool2DOptions.STRIDE_W, 1),
            1,
            1),
        FusedActivation.of(
            options.byteField(TfliteSchema.Pool2DOptions.FUSED_ACTIVATION_FUNCTION, 0),
            in.op().name()),
        global);
  }

  @Override
  public int[] inputs() {
    return new int[] {input};
  }

  @Override
  public Operand<TFloat32> build(NetworkBuilder net, List<Operand<TFloat32>> inputs) {
    if (global) {
      return activation.apply(net, net.tf().math.mean(inputs.get(0),
          net.tf().constant(new int[] {1, 2}), Mean.keepDims(true)));
    }
    List<Long> window = List.of(1L, (long) filterH, (long) filterW, 1L);
    return activation.apply(net, net.tf().nn.avgPool(
        inputs.get(0), window, geometry.strides(), geometry.padding()));
  }
}
