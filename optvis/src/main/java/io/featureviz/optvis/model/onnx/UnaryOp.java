package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.DoubleUnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * An elementwise function of one tensor (Relu, Sigmoid, Erf, Neg, LeakyRelu, ...): layout
 * preserved, folded in Java when the input is a constant and a fold is given.
 *
 * @param fold the function on one element for constants, given the node; null when the op only
 *     occurs on activations
 */
record UnaryOp(Set<String> attributes,
    BiFunction<OpContext, Operand<TFloat32>, Operand<TFloat32>> graph,
    BiFunction<OpContext, Double, Double> fold) implements OnnxOp {

  static UnaryOp of(BiFunction<OpContext, Operand<TFloat32>, Operand<TFloat32>> graph,
      DoubleUnaryOperator fold) {
    return new UnaryOp(Set.of(), graph, fold == null ? null : (ctx, x) -> fold.applyAsDouble(x));
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    if (fold != null && ctx.input(0) instanceof Constant c) {
      if (c.hasBatch()) {
        throw ctx.refuse("cannot compute with the batch size, which is not static here");
      }
      if (c.type().floating) {
        float[] out = new float[c.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = (float) (double) fold.apply(ctx, (double) c.floats()[i]);
        }
        return List.of(new Constant(c.type(), c.shape(), out, null, null));
      }
      long[] out = new long[c.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (long) (double) fold.apply(ctx, (double) c.ints()[i]);
      }
      return List.of(new Constant(c.type(), c.shape(), null, out, null));
    }
    Activation x = ctx.activation(0);
    return List.of(new Activation(graph.apply(ctx, x.tensor()), x.channelsLast()));
  }
}
