package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/** Gemm: {@code alpha * A' B' + beta * C} on 2-D features (a fully connected layer). */
final class GemmOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("alpha", "beta", "transA", "transB");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    var tf = ctx.tf();
    Activation a = ctx.activation(0);
    if (a.rank() != 2) {
      throw ctx.refuse("input A must be 2-D, got rank " + a.rank());
    }
    boolean transB = ctx.intAttr("transB", 0) != 0;
    // Constant weights are transposed here: TensorFlow 2.16's CPU MatMul with transpose_b
    // returned wrong values for the last N % 64 outputs of a 1000-class layer.
    Operand<TFloat32> b = ctx.input(1) instanceof Constant c && transB
        ? c.transpose(new int[] {1, 0}).operand(tf) : ctx.onnxOperand(ctx.input(1));
    Operand<TFloat32> y = tf.linalg.matMul(a.tensor(), b,
        MatMul.transposeA(ctx.intAttr("transA", 0) != 0),
        MatMul.transposeB(transB && !(ctx.input(1) instanceof Constant)));
    float alpha = ctx.floatAttr("alpha", 1f);
    if (alpha != 1f) {
      y = tf.math.mul(y, tf.constant(alpha));
    }
    if (ctx.optional(2) != null) {
      Operand<TFloat32> c = ctx.onnxOperand(ctx.input(2));
      float beta = ctx.floatAttr("beta", 1f);
      y = tf.math.add(y, beta == 1f ? c : tf.math.mul(c, tf.constant(beta)));
    }
    return List.of(Activation.onnx(y));
  }
}
