package io.featureviz.optvis.model.tflite;

import io.featureviz.optvis.model.NetworkBuilder;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/** CONV_2D: convolution, bias and fused activation. */
record Conv2dOp(
    int input,
    int output,
    float[] kernel,
    long[] kernelShape,
    float[] bias,
    WindowGeometry geometry,
    FusedActivation activation)
    implements GraphOp {

  static Conv2dOp prepare(OperatorInputs in) throws TfliteFormatException {
    FlatBufferTable options = in.op().requireOptions();
    int[] ohwi = in.input(1).shape();
    return new Conv2dOp(
        in.inputIndex(0),
        in.output().index(),
        ohwiToHwio(in.constant(1), ohwi),
        new long[] {ohwi[1], ohwi[2], ohwi[3], ohwi[0]},
        in.optionalConstant(2),
        new WindowGeometry(
            WindowGeometry.padding(options.byteField(TfliteSchema.Conv2DOptions.PADDING, 0)),
            options.intField(TfliteSchema.Conv2DOptions.STRIDE_H, 1),
            options.intField(TfliteSchema.Conv2DOptions.STRIDE_W, 1),
            options.intField(TfliteSchema.Conv2DOptions.DILATION_H_FACTOR, 1),
            options.intField(TfliteSchema.Conv2DOptions.DILATION_W_FACTOR, 1)),
        FusedActivation.of(
            options.byteField(TfliteSchema.Conv2DOptions.FUSED_ACTIVATION_FUNCTION, 0),
            in.op().name()));
  }

  /** TFLite stores kernels as [out, h, w, in]; TensorFlow's Conv2D wants [h, w, in, out]. */
  private static float[] ohwiToHwio(float[] ohwi, int[] shape) {
    int out = shape[0];
    int spatialIn = shape[1] * shape[2] * shape[3];
    float[] hwio = new float[ohwi.length];
    for (int o = 0; o < out; o++) {
      for (int hwi = 0; hwi < spatialIn; hwi++) {
        hwio[hwi * out + o] = ohwi[o * spatialIn + hwi];
      }
    }
    return hwio;
  }

  @Override
  public int[] inputs() {
    return new int[] {input};
  }

  @Override
  public Operand<TFloat32> build(NetworkBuilder net, List<Operand<TFloat32>> inputs) {
    Ops tf = net.tf();
    Operand<TFloat32> y = tf.nn.conv2d(inputs.get(0),
        OperatorInputs.constant(tf, kernel, kernelShape), geometry.strides(), geometry.padding(),
        Conv2d.dilations(geometry.dilations()));
    if (bias != null) {
      y = tf.nn.biasAdd(y, OperatorInputs.constant(tf, bias, bias.length));
    }
    return activation.apply(net, y);
  }
}
