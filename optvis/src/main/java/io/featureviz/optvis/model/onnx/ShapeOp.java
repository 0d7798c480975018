package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Shape, folded from the static shape of its input (in ONNX's axis order). An unknown batch size
 * is marked so that it can only travel to a Reshape.
 */
final class ShapeOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("start", "end");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Value input = ctx.input(0);
    long[] shape = input instanceof Activation a ? a.onnxShape() : ((Constant) input).shape();
    int rank = shape.length;
    int start = clamp(ctx.intAttr("start", 0), rank);
    int end = clamp(ctx.intAttr("end", rank), rank);
    long[] dims = Arrays.copyOfRange(shape, start, Math.max(start, end));
    boolean[] batch = new boolean[dims.length];
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        if (start + i != 0) {
          throw ctx.refuse("dimension " + (start + i) + " of the input is not static");
        }
        batch[i] = true;
      }
    }
    return List.of(new Constant(DataType.INT64, new long[] {dims.length}, null, dims,
        start == 0 && dims.length > 0 && dims[0] < 0 ? batch : null));
  }

  private static int clamp(long axis, int rank) {
    long resolved = axis < 0 ? axis + rank : axis;
    return (int) Math.max(0, Math.min(rank, resolved));
  }
}
