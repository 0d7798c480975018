package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * MaxPool and AveragePool on a channel-last input, with ONNX's pads, ceil_mode and
 * count_include_pad. Padding TensorFlow's SAME matches needs no Pad op; other padding is added
 * explicitly (-inf for max), and an average that excludes padding divides by the pooled count of
 * ones.
 */
record PoolOp(boolean max) implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return max ? Set.of("auto_pad", "ceil_mode", "dilations", "kernel_shape", "pads", "strides",
        "storage_order")
        : Set.of("auto_pad", "ceil_mode", "count_include_pad", "dilations", "kernel_shape",
            "pads", "strides");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    if (ctx.node().outputs().size() > 1) {
      throw ctx.refuse("the Indices output is not supported");
    }
    Activation input = ctx.activation(0);
    if (input.rank() != 4) {
      throw ctx.refuse("only 2-D pools (4-D input) are supported");
    }
    long[] shape = input.onnxShape();
    Window window = Window.of(ctx, ctx.intsAttr("kernel_shape", new long[0]), shape[2], shape[3]);
    if (window.dilations()[0] != 1 || window.dilations()[1] != 1) {
      throw ctx.refuse("dilated pools are not supported");
    }
    long[] extraEnd = ceilPadding(ctx, window, shape);
    boolean includePad = ctx.intAttr("count_include_pad", 0) != 0;
    Ops tf = ctx.tf();
    Operand<TFloat32> x = input.nhwc(tf);
    List<Long> kernel = List.of(1L, window.kernel()[0], window.kernel()[1], 1L);
    List<Long> strides = Arrays.stream(window.tfStrides()).boxed().toList();
    boolean plain = extraEnd[0] == 0 && extraEnd[1] == 0;
    if (plain && (window.unpadded() || !includePad && window.isSame(shape[2], shape[3]))) {
      String padding = window.unpadded() ? "VALID" : "SAME";
      return List.of(Activation.nhwc(max ? tf.nn.maxPool(x, tf.constant(toInts(kernel)),
          tf.constant(toInts(strides)), padding) : tf.nn.avgPool(x, kernel, strides, padding)));
    }
    if (max) {
      Operand<TFloat32> padded = window.pad(tf, x, extraEnd, Float.NEGATIVE_INFINITY);
      return List.of(Activation.nhwc(tf.nn.maxPool(padded, tf.constant(toInts(kernel)),
          tf.constant(toInts(strides)), "VALID")));
    }
    Operand<TFloat32> sum = tf.nn.avgPool(window.pad(tf, x, extraEnd, 0f), kernel, strides,
        "VALID");
    // The share of each window that is real input (or explicit padding, when it counts).
    Operand<TFloat32> ones = tf.onesLike(tf.slice(x, Shapes.int32(tf, 0, 0, 0, 0),
        Shapes.int32(tf, 1, -1, -1, 1)));
    Window counted = includePad ? new Window(window.kernel(), window.strides(),
        window.dilations(), new long[4]) : window;
    Operand<TFloat32> share = tf.nn.avgPool(counted.pad(tf, includePad ? window.pad(tf, ones,
        new long[2], 1f) : ones, extraEnd, 0f), kernel, strides, "VALID");
    return List.of(Activation.nhwc(tf.math.div(sum, share)));
  }

  /** Extra end padding so that ceil_mode's last window exists (never starting in the padding). */
  private static long[] ceilPadding(OpContext ctx, Window window, long[] shape) {
    long[] extra = new long[2];
    if (ctx.intAttr("ceil_mode", 0) == 0) {
      return extra;
    }
    for (int i = 0; i < 2; i++) {
      long size = shape[i + 2] + window.pads()[i] + window.pads()[i + 2];
      long stride = window.strides()[i];
      long out = (size - window.extent(i) + stride - 1) / stride + 1;
      if ((out - 1) * stride >= shape[i + 2] + window.pads()[i]) {
        out--;
      }
      extra[i] = Math.max(0, (out - 1) * stride + window.extent(i) - size);
    }
    return extra;
  }

  private static int[] toInts(List<Long> values) {
    return values.stream().mapToInt(Long::intValue).toArray();
  }
}
