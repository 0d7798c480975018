package io.featureviz.optvis.model.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.DepthwiseConv2dNative;
import org.tensorflow.types.TFloat32;

/**
 * Conv (2-D) on a channel-last input: a plain Conv2D, a depthwise convolution when every input
 * channel is its own group, else one Conv2D per group. Weights are rearranged from ONNX's
 * [out, in/group, h, w] at build time.
 */
final class ConvOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("auto_pad", "dilations", "group", "kernel_shape", "pads", "strides");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Ops tf = ctx.tf();
    Activation input = ctx.activation(0);
    if (input.rank() != 4) {
      throw ctx.refuse("only 2-D convolutions (4-D input) are supported, got rank "
          + input.rank());
    }
    Constant weights = ctx.constant(1);
    long[] w = weights.shape();
    long[] shape = input.onnxShape();
    long group = ctx.intAttr("group", 1);
    if (w.length != 4 || group < 1 || shape[1] != w[1] * group || w[0] % group != 0) {
      throw ctx.refuse("weights " + Arrays.toString(w) + " with group " + group
          + " do not fit input " + Arrays.toString(shape));
    }
    Window window = Window.of(ctx, ctx.intsAttr("kernel_shape", new long[] {w[2], w[3]}),
        shape[2], shape[3]);
    Operand<TFloat32> x = input.nhwc(tf);
    String padding = "VALID";
    if (window.isSame(shape[2], shape[3]) && !window.unpadded()) {
      padding = "SAME";
    } else if (!window.unpadded()) {
      x = window.pad(tf, x, new long[2], 0f);
    }
    Operand<TFloat32> y;
    if (group == 1) {
      y = conv(tf, x, weights, window, padding);
    } else if (w[1] == 1 && group == shape[1]) {
      // [channels * multiplier, 1, h, w] -> [h, w, channels, multiplier]
      Constant kernel = weights.reshape(new long[] {group, w[0] / group, w[2], w[3]})
          .transpose(new int[] {2, 3, 0, 1});
      y = tf.nn.depthwiseConv2dNative(x, kernel.operand(tf), Arrays.stream(window.tfStrides())
          .boxed().toList(), padding, DepthwiseConv2dNative.dilations(
              List.of(1L, window.dilations()[0], window.dilations()[1], 1L)));
    } else {
      y = grouped(tf, x, weights, (int) group, window, padding);
    }
    Constant bias = ctx.optionalConstant(2);
    if (bias != null) {
      y = tf.nn.biasAdd(y, bias.operand(tf));
    }
    return List.of(Activation.nhwc(y));
  }

  private static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, Constant oihw,
      Window window, String padding) {
    Constant hwio = oihw.transpose(new int[] {2, 3, 1, 0});
    return tf.nn.conv2d(x, hwio.operand(tf), Arrays.stream(window.tfStrides()).boxed().toList(),
        padding, Conv2d.dilations(List.of(1L, window.dilations()[0], window.dilations()[1], 1L)));
  }

  /** TensorFlow's CPU Conv2D has no groups: split the channels, convolve each, concatenate. */
  private static Operand<TFloat32> grouped(Ops tf, Operand<TFloat32> x, Constant oihw, int groups,
      Window window, String padding) {
    long[] w = oihw.shape();
    long outPerGroup = w[0] / groups;
    int groupSize = (int) (outPerGroup * w[1] * w[2] * w[3]);
    Split<TFloat32> parts = tf.split(tf.constant(3), x, (long) groups);
    List<Operand<TFloat32>> outputs = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      int[] indices = new int[groupSize];
      for (int i = 0; i < groupSize; i++) {
        indices[i] = g * groupSize + i;
      }
      Constant kernel = oihw.select(new long[] {outPerGroup, w[1], w[2], w[3]}, indices);
      outputs.add(conv(tf, parts.output().get(g), kernel, window, padding));
    }
    return tf.concat(outputs, tf.constant(3));
  }
}
