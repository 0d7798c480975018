package io.featureviz.optvis.model.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reshape, Flatten, Squeeze and Unsqueeze: each computes its output shape in ONNX terms; a
 * constant is folded, an activation reshaped in ONNX layout (a channel-last one is transposed
 * back first unless its height and width are 1, when both layouts hold the same bytes).
 *
 * @param shape the output shape from the node and its input's ONNX shape (-1: the batch, when it
 *     is not static)
 */
record ReshapeOps(Set<String> attributes, BiFunction<OpContext, long[], long[]> shape)
    implements OnnxOp {

  static final ReshapeOps RESHAPE = new ReshapeOps(Set.of("allowzero"), ReshapeOps::reshaped);
  static final ReshapeOps FLATTEN = new ReshapeOps(Set.of("axis"), ReshapeOps::flattened);
  static final ReshapeOps SQUEEZE = new ReshapeOps(Set.of("axes"), ReshapeOps::squeezed);
  static final ReshapeOps UNSQUEEZE = new ReshapeOps(Set.of("axes"), ReshapeOps::unsqueezed);

  @Override
  public List<Value> apply(OpContext ctx) {
    Value input = ctx.input(0);
    if (input instanceof Constant c) {
      long[] out = shape.apply(ctx, c.shape());
      if (Arrays.stream(out).anyMatch(d -> d < 0)) {
        throw ctx.refuse("cannot reshape a constant to " + Arrays.toString(out));
      }
      return List.of(c.reshape(out));
    }
    Activation x = (Activation) input;
    long[] out = shape.apply(ctx, x.onnxShape());
    if (Arrays.stream(out).filter(d -> d < 0).count() > 1) {
      throw ctx.refuse("output shape " + Arrays.toString(out) + " has more than one unknown"
          + " dimension");
    }
    var tf = ctx.tf();
    var data = x.layoutFree() ? x.tensor() : x.nchw(tf);
    return List.of(Activation.onnx(tf.reshape(data, Shapes.int32(tf, out))));
  }

  private static long[] reshaped(OpContext ctx, long[] in) {
    Constant target = ctx.constant(1);
    boolean allowZero = ctx.intAttr("allowzero", 0) != 0;
    long[] out = target.toLongs().clone();
    boolean[] batch = target.batch();
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (batch != null && batch[i]) {
        out[i] = -1;
      } else if (out[i] == 0 && !allowZero) {
        if (i >= in.length) {
          throw ctx.refuse("shape entry " + i + " copies a dimension the input lacks");
        }
        out[i] = in[i];
      } else if (out[i] == -1) {
        if (inferred >= 0) {
          throw ctx.refuse("shape " + Arrays.toString(target.toLongs()) + " has two -1");
        }
        inferred = i;
        continue;
      }
      if (out[i] > 0) {
        known *= out[i];
      }
    }
    boolean batchUnknown = in.length > 0 && in[0] < 0;
    int finalInferred = inferred;
    long placeholders = java.util.stream.IntStream.range(0, out.length)
        .filter(i -> i != finalInferred && out[i] < 0).count();
    // An explicit -1 absorbs an unknown batch unless the batch has its own entry.
    if (inferred >= 0 && (!batchUnknown || placeholders > 0)) {
      long total = Arrays.stream(in).filter(d -> d > 0).reduce(1, (a, b) -> a * b);
      if (known == 0 || total % known != 0) {
        throw ctx.refuse("cannot reshape " + Arrays.toString(in) + " to "
            + Arrays.toString(target.toLongs()));
      }
      out[inferred] = total / known;
    }
    return out;
  }

  private static long[] flattened(OpContext ctx, long[] in) {
    int axis = (int) ctx.intAttr("axis", 1);
    axis = axis < 0 ? axis + in.length : axis;
    if (axis < 0 || axis > in.length) {
      throw ctx.refuse("axis " + ctx.intAttr("axis", 1) + " is out of range");
    }
    long outer = 1;
    long inner = 1;
    for (int i = 0; i < in.length; i++) {
      if (in[i] < 0) {
        outer = -1;
      } else if (i < axis) {
        outer = outer < 0 ? -1 : outer * in[i];
      } else {
        inner *= in[i];
      }
    }
    return new long[] {outer, inner};
  }

  private static long[] squeezed(OpContext ctx, long[] in) {
    int[] axes = Axes.of(ctx, 1, in.length);
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      int axis = i;
      boolean named = axes == null ? in[i] == 1 : Arrays.stream(axes).anyMatch(a -> a == axis);
      if (named && in[i] != 1) {
        throw ctx.refuse("cannot squeeze axis " + i + " of size " + in[i]);
      }
      if (!named) {
        out.add(in[i]);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] unsqueezed(OpContext ctx, long[] in) {
    int rank = in.length + (ctx.optional(1) != null ? ctx.constant(1).size()
        : ctx.intsAttr("axes", new long[0]).length);
    int[] axes = Axes.of(ctx, 1, rank);
    if (axes == null) {
      throw ctx.refuse("axes are missing");
    }
    long[] out = new long[rank];
    int next = 0;
    for (int i = 0; i < rank; i++) {
      int axis = i;
      out[i] = Arrays.stream(axes).anyMatch(a -> a == axis) ? 1 : in[next++];
    }
    return out;
  }
}
