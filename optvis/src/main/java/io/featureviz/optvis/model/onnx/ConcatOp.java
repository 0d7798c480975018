package io.featureviz.optvis.model.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Concat: folded for constants (shape vectors, keeping batch marks), else joined in channel-last
 * layout when any 4-D input is held so.
 */
final class ConcatOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("axis");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    List<Value> inputs = new ArrayList<>();
    for (int i = 0; i < ctx.inputCount(); i++) {
      inputs.add(ctx.input(i));
    }
    if (inputs.size() == 1) {
      return inputs;
    }
    if (ctx.allConstant()) {
      return List.of(fold(ctx, inputs.stream().map(Constant.class::cast).toList()));
    }
    int rank = ((Activation) inputs.stream().filter(Activation.class::isInstance).findFirst()
        .orElseThrow()).rank();
    int axis = Shapes.axis(ctx.intAttr("axis", 0), rank, ctx.node().label());
    Broadcast.Aligned aligned = Broadcast.align(ctx.tf(), inputs);
    int internal = aligned.channelsLast() ? Activation.nhwcAxis(axis) : axis;
    Operand<TFloat32> joined = ctx.tf().concat(aligned.operands(), ctx.tf().constant(internal));
    return List.of(aligned.wrap(joined));
  }

  private static Constant fold(OpContext ctx, List<Constant> parts) {
    Constant first = parts.get(0);
    int axis = Shapes.axis(ctx.intAttr("axis", 0), first.rank(), ctx.node().label());
    long[] shape = first.shape().clone();
    shape[axis] = parts.stream().mapToLong(p -> p.shape()[axis]).sum();
    long outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= shape[i];
    }
    List<Integer> order = new ArrayList<>();
    List<Constant> sources = new ArrayList<>();
    for (long o = 0; o < outer; o++) {
      for (Constant part : parts) {
        long block = part.size() / Math.max(outer, 1);
        for (long i = 0; i < block; i++) {
          order.add((int) (o * block + i));
          sources.add(part);
        }
      }
    }
    boolean floating = first.type().floating;
    float[] floats = floating ? new float[order.size()] : null;
    long[] ints = floating ? null : new long[order.size()];
    boolean[] batch = parts.stream().anyMatch(Constant::hasBatch) ? new boolean[order.size()]
        : null;
    for (int i = 0; i < order.size(); i++) {
      Constant source = sources.get(i);
      int index = order.get(i);
      if (floating) {
        floats[i] = source.floatAt(index);
      } else {
        ints[i] = source.longAt(index);
      }
      if (batch != null && source.batch() != null) {
        batch[i] = source.batch()[index];
      }
    }
    return new Constant(first.type(), shape, floats, ints, batch);
  }
}
