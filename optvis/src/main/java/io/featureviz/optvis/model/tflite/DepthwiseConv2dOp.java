package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.types.TFloat32;

/** DEPTHWISE_CONV_2D: per-channel convolution, bias and fused activation. */
record DepthwiseConv2dOp(
    int input,
    int output,
    float[] kernel,
    long[] kernelShape,
    float[] bias,
    WindowGeometry geometry,
    FusedActivation activation)
    implements GraphOp {

  static DepthwiseConv2dOp prepare(OperatorInputs in) throws TfliteFormatException {
    FlatBufferTable options = in.op().requireOptions();
    int channelsIn = in.input(0).channels();
    int[] kernelShape = in.input(1).shape();
    // TFLite's [1, h, w, in * multiplier] orders output channels as TensorFlow's
    // [h, w, in, multiplier] does, so only the shape changes.
    int multiplier = kernelShape[3] / channelsIn;
    int declared = options.intField(TfliteSchema.DepthwiseConv2DOptions.DEPTH_MULTIPLIER, 0);
    if (multiplier * channelsIn != kernelShape[3] || declared != 0 && declared != multiplier) {
      throw new TfliteFormatException(in.op().name() + " kernel of " + kernelShape[3]
          + " channels does not fit " + channelsIn + " input channels and depth multiplier "
          + declared);
    }
    return new DepthwiseConv2dOp(
        in.inputIndex(0),
        in.output().index(),
        in.constant(1),
        new long[] {kernelShape[1], kernelShape[2], channelsIn, multiplier},
        in.optionalConstant(2),
        new WindowGeometry(
            WindowGeometry.padding(
                options.byteField(TfliteSchema.DepthwiseConv2DOptions.PADDING, 0)),
            options.intField(TfliteSchema.DepthwiseConv2DOptions.STRIDE_H, 1),
            options.intField(TfliteSchema.DepthwiseConv2DOptions.STRIDE_W, 1),
            options.intField(TfliteSchema.DepthwiseConv2DOptions.DILATION_H_FACTOR, 1),
            options.intField(TfliteSchema.DepthwiseConv2DOptions.DILATION_W_FACTOR, 1)),
        FusedActivation.of(
            options.byteField(TfliteSchema.DepthwiseConv2DOptions.FUSED_ACTIVATION_FUNCTION, 0),
            in.op().name()));
  }

  @Override
  public int[] inputs() {
    return new int[] {input};
  }

  @Override
  public Operand<TFloat32> build(NetworkBuilder net, List<Operand<TFloat32>> inputs) {
    Ops tf = net.tf();
    Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(inputs.get(0),
        OperatorInputs.constant(tf, kernel, kernelShape), geometry.strides(), geometry.padding(),
        DepthwiseConv2dNative.dilations(geometry.dilations()));
    if (bias != null) {
      y = tf.nn.biasAdd(y, OperatorInputs.constant(tf, bias, bias.length));
    }
    return activation.apply(net, y);
  }
}
