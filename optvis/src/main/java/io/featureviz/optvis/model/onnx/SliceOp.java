package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Slice (starts, ends, axes, steps as inputs): resolved against the static shape, then folded for
 * constants or taken with a strided slice, in the activation's own layout.
 */
final class SliceOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of();
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Value data = ctx.input(0);
    long[] shape = data instanceof Activation a ? a.onnxShape() : ((Constant) data).shape();
    int rank = shape.length;
    long[] starts = ctx.constant(1).toLongs();
    long[] ends = ctx.constant(2).toLongs();
    int[] axes = Axes.of(ctx, 3, rank);
    long[] steps = ctx.optional(4) == null ? null : ctx.constant(4).toLongs();
    long[] begin = new long[rank];
    long[] end = shape.clone();
    long[] stride = new long[rank];
    Arrays.fill(stride, 1);
    for (int i = 0; i < starts.length; i++) {
      int axis = axes == null ? i : axes[i];
      long step = steps == null ? 1 : steps[i];
      long size = shape[axis];
      if (step == 0 || size < 0) {
        throw ctx.refuse("step 0 or a slice of a dimension that is not static");
      }
      begin[axis] = clamp(starts[i], size, step);
      end[axis] = clamp(ends[i], size, step);
      stride[axis] = step;
    }
    long[] outShape = new long[rank];
    for (int i = 0; i < rank; i++) {
      long span = stride[i] > 0 ? end[i] - begin[i] : begin[i] - end[i];
      outShape[i] = shape[i] < 0 ? shape[i]
          : Math.max(0, (span + Math.abs(stride[i]) - 1) / Math.abs(stride[i]));
    }
    if (data instanceof Constant c) {
      return List.of(fold(c, begin, stride, outShape));
    }
    Activation x = (Activation) data;
    long[] b = new long[rank];
    long[] e = new long[rank];
    long[] s = new long[rank];
    for (int i = 0; i < rank; i++) {
      int internal = x.axis(i);
      b[internal] = begin[i];
      e[internal] = shape[i] < 0 ? Integer.MAX_VALUE : end[i];
      s[internal] = stride[i];
    }
    var tf = ctx.tf();
    // A negative end means "before the first element" for a negative stride; mask it instead.
    long endMask = 0;
    for (int i = 0; i < rank; i++) {
      if (e[i] < 0) {
        endMask |= 1L << i;
      }
    }
    var sliced = tf.stridedSlice(x.tensor(), Shapes.int32(tf, b), Shapes.int32(tf, e), Shapes.int32(tf, s),
        org.tensorflow.op.core.StridedSlice.endMask(endMask));
    return List.of(new Activation(sliced, x.channelsLast()));
  }

  /** ONNX's clamping of a start or end: negative counts from the end, then into range. */
  private static long clamp(long value, long size, long step) {
    long resolved = value < 0 ? value + size : value;
    return step > 0 ? Math.max(0, Math.min(size, resolved))
        : Math.max(-1, Math.min(size - 1, resolved));
  }

  private static Constant fold(Constant c, long[] begin, long[] stride, long[] outShape) {
    int count = Shapes.elements(outShape, "slice");
    long[] strides = Shapes.strides(c.shape());
    long[] index = new long[outShape.length];
    int[] sources = new int[count];
    for (int flat = 0; flat < count; flat++) {
      Shapes.unflatten(flat, outShape, index);
      long source = 0;
      for (int i = 0; i < index.length; i++) {
        source += (begin[i] + index[i] * stride[i]) * strides[i];
      }
      sources[flat] = (int) source;
    }
    return c.select(outShape, sources);
  }
}
