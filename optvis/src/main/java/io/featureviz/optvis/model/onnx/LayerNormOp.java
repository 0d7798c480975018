package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** LayerNormalization over the axes from {@code axis} to the last, in ONNX layout. */
final class LayerNormOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("axis", "epsilon", "stash_type");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    if (ctx.node().outputs().size() > 1) {
      throw ctx.refuse("the Mean and InvStdDev outputs are not supported");
    }
    var tf = ctx.tf();
    Activation x = ctx.activation(0);
    int rank = x.rank();
    int axis = Shapes.axis(ctx.intAttr("axis", -1), rank, ctx.node().label());
    Operand<TFloat32> data = x.nchw(tf);
    var axes = tf.constant(IntStream.range(axis, rank).toArray());
    Operand<TFloat32> mean = tf.math.mean(data, axes, Mean.keepDims(true));
    Operand<TFloat32> centered = tf.math.sub(data, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centered), axes,
        Mean.keepDims(true));
    Operand<TFloat32> y = tf.math.mul(centered,
        tf.math.rsqrt(tf.math.add(variance, tf.constant(ctx.floatAttr("epsilon", 1e-5f)))));
    y = tf.math.mul(y, ctx.onnxOperand(ctx.input(1)));
    if (ctx.optional(2) != null) {
      y = tf.math.add(y, ctx.onnxOperand(ctx.input(2)));
    }
    return List.of(Activation.onnx(y));
  }
}
