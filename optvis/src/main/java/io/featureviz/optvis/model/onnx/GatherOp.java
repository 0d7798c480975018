package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;

/** Gather along an axis by constant indices: folded for constants, else a graph gather. */
final class GatherOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("axis");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Constant indices = ctx.constant(1);
    Value data = ctx.input(0);
    if (data instanceof Constant c) {
      return List.of(fold(ctx, c, indices));
    }
    Activation x = (Activation) data;
    int axis = Shapes.axis(ctx.intAttr("axis", 0), x.rank(), ctx.node().label());
    long size = x.onnxShape()[axis];
    long[] resolved = indices.toLongs().clone();
    for (int i = 0; i < resolved.length; i++) {
      resolved[i] = resolved[i] < 0 ? resolved[i] + size : resolved[i];
    }
    var tf = ctx.tf();
    var picked = tf.gather(x.nchw(tf), tf.reshape(Shapes.int32(tf, resolved),
        Shapes.int32(tf, indices.shape())), tf.constant(axis));
    return List.of(Activation.onnx(picked));
  }

  private static Constant fold(OpContext ctx, Constant data, Constant indices) {
    int axis = Shapes.axis(ctx.intAttr("axis", 0), data.rank(), ctx.node().label());
    long[] shape = data.shape();
    long outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= shape[i];
    }
    long inner = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    long[] index = indices.toLongs();
    long[] outShape = new long[shape.length - 1 + indices.rank()];
    System.arraycopy(shape, 0, outShape, 0, axis);
    System.arraycopy(indices.shape(), 0, outShape, axis, indices.rank());
    System.arraycopy(shape, axis + 1, outShape, axis + indices.rank(), shape.length - axis - 1);
    int[] sources = new int[(int) (outer * index.length * inner)];
    int k = 0;
    for (long o = 0; o < outer; o++) {
      for (long position : index) {
        long p = position < 0 ? position + shape[axis] : position;
        if (p < 0 || p >= shape[axis]) {
          throw ctx.refuse("index " + position + " is out of range for size " + shape[axis]);
        }
        for (long i = 0; i < inner; i++) {
          sources[k++] = (int) ((o * shape[axis] + p) * inner + i);
        }
      }
    }
    return data.select(outShape, sources);
  }
}
