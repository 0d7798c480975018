package io.featureviz.optvis.model.onnx;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The 2-D window of a convolution or pool: kernel, strides, dilations and the padding ONNX asks
 * for (explicit {@code pads} or {@code auto_pad}), resolved for a static input size. When the
 * padding is what TensorFlow's SAME or VALID would do, those are used, so no Pad op is needed.
 *
 * @param pads top, left, bottom, right
 */
record Window(long[] kernel, long[] strides, long[] dilations, long[] pads) {

  static Window of(OpContext ctx, long[] kernel, long height, long width) {
    if (kernel.length != 2) {
      throw ctx.refuse("only 2-D windows are supported, got kernel " + kernel.length + "-D");
    }
    if (height < 0 || width < 0) {
      throw ctx.refuse("the input's height and width must be static");
    }
    long[] strides = ctx.intsAttr("strides", new long[] {1, 1});
    long[] dilations = ctx.intsAttr("dilations", new long[] {1, 1});
    String autoPad = ctx.stringAttr("auto_pad", "NOTSET");
    long[] size = {height, width};
    long[] pads = new long[4];
    switch (autoPad) {
      case "NOTSET" -> {
        long[] given = ctx.intsAttr("pads", new long[4]);
        if (given.length != 4) {
          throw ctx.refuse("pads must have 4 values, got " + given.length);
        }
        pads = given;
      }
      case "VALID" -> { }
      case "SAME_UPPER", "SAME_LOWER" -> {
        for (int i = 0; i < 2; i++) {
          long total = samePadding(size[i], kernel[i], strides[i], dilations[i]);
          long small = total / 2;
          pads[i] = autoPad.equals("SAME_UPPER") ? small : total - small;
          pads[i + 2] = total - pads[i];
        }
      }
      default -> throw ctx.refuse("unsupported auto_pad '" + autoPad + "'");
    }
    for (long value : pads) {
      if (value < 0) {
        throw ctx.refuse("negative pads are not supported");
      }
    }
    return new Window(kernel, strides, dilations, pads);
  }

  private static long samePadding(long size, long kernel, long stride, long dilation) {
    long out = (size + stride - 1) / stride;
    return Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0);
  }

  long extent(int axis) {
    return (kernel[axis] - 1) * dilations[axis] + 1;
  }

  boolean unpadded() {
    return pads[0] == 0 && pads[1] == 0 && pads[2] == 0 && pads[3] == 0;
  }

  /** Whether the pads equal TensorFlow's SAME padding at this input size. */
  boolean isSame(long height, long width) {
    long[] size = {height, width};
    for (int i = 0; i < 2; i++) {
      long total = samePadding(size[i], kernel[i], strides[i], dilations[i]);
      if (pads[i] != total / 2 || pads[i + 2] != total - total / 2) {
        return false;
      }
    }
    return true;
  }

  /** The explicit NHWC padding, for ops that pad before a VALID window. */
  Operand<TFloat32> pad(Ops tf, Operand<TFloat32> x, long[] extraEnd, float value) {
    long[][] paddings = {{0, 0}, {pads[0], pads[2] + extraEnd[0]}, {pads[1], pads[3] + extraEnd[1]},
        {0, 0}};
    return tf.pad(x, Shapes.int32(tf, paddings), tf.constant(value));
  }

  long[] tfStrides() {
    return new long[] {1, strides[0], strides[1], 1};
  }
}
