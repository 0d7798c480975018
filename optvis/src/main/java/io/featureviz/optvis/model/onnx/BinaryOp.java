package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Add, Sub, Mul, Div, Pow, Min, Max with numpy broadcasting: folded in Java when both inputs are
 * constants (shape arithmetic), else built in the layout of the activations.
 */
record BinaryOp(Graph graph, DoubleBinaryOperator floats, LongBinaryOperator ints)
    implements OnnxOp {

  /** The TensorFlow op on two aligned operands. */
  @FunctionalInterface
  interface Graph {
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b);
  }

  @Override
  public Set<String> attributes() {
    return Set.of();
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    if (ctx.input(0) instanceof Constant a && ctx.input(1) instanceof Constant b) {
      return List.of(fold(ctx, a, b));
    }
    Broadcast.Aligned aligned = Broadcast.align(ctx.tf(), List.of(ctx.input(0), ctx.input(1)));
    return List.of(aligned.wrap(graph.apply(ctx.tf(), aligned.operands().get(0),
        aligned.operands().get(1))));
  }

  private Constant fold(OpContext ctx, Constant a, Constant b) {
    if (a.hasBatch() || b.hasBatch()) {
      throw ctx.refuse("cannot compute with the batch size, which is not static here");
    }
    long[] shape = Broadcast.shape(a.shape(), b.shape(), ctx);
    Constant x = Broadcast.expand(a, shape);
    Constant y = Broadcast.expand(b, shape);
    if (a.type().floating) {
      float[] out = new float[x.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) floats.applyAsDouble(x.floatAt(i), y.floatAt(i));
      }
      return new Constant(a.type(), shape, out, null, null);
    }
    long[] out = new long[x.size()];
    for (int i = 0; i < out.length; i++) {
      if (y.longAt(i) == 0 && ints == DIVIDE) {
        throw ctx.refuse("integer division by zero while folding shape arithmetic");
      }
      out[i] = ints.applyAsLong(x.longAt(i), y.longAt(i));
    }
    return new Constant(a.type(), shape, null, out, null);
  }

  static final LongBinaryOperator DIVIDE = (p, q) -> p / q;
}
