package io.featureviz.optvis.model.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Split along an axis, in equal parts or by the sizes of an attribute or (opset 13) input. */
final class SplitOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("axis", "split", "num_outputs");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Activation x = ctx.activation(0);
    int axis = Shapes.axis(ctx.intAttr("axis", 0), x.rank(), ctx.node().label());
    long size = x.onnxShape()[axis];
    int parts = ctx.node().outputs().size();
    long[] sizes = ctx.optional(1) != null ? ctx.constant(1).toLongs()
        : ctx.intsAttr("split", null);
    if (sizes == null) {
      long each = (size + parts - 1) / parts;
      sizes = new long[parts];
      for (int i = 0; i < parts; i++) {
        sizes[i] = Math.min(each, size - each * i);
      }
    }
    if (sizes.length != parts || Arrays.stream(sizes).sum() != size) {
      throw ctx.refuse("split sizes " + Arrays.toString(sizes) + " do not cover axis " + axis
          + " of size " + size + " in " + parts + " outputs");
    }
    var tf = ctx.tf();
    var pieces = tf.splitV(x.tensor(), Shapes.int32(tf, sizes), tf.constant(x.axis(axis)),
        (long) parts);
    List<Value> outputs = new ArrayList<>();
    pieces.output().forEach(piece -> outputs.add(new Activation(piece, x.channelsLast())));
    return outputs;
  }
}
