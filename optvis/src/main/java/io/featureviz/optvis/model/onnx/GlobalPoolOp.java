package io.featureviz.optvis.model.onnx;

import java.util.List;
import java.util.Set;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.math.Mean;

/** GlobalAveragePool and GlobalMaxPool: reduce height and width, keeping them as 1. */
record GlobalPoolOp(boolean max) implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of();
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Activation x = ctx.activation(0);
    if (x.rank() != 4) {
      throw ctx.refuse("only 4-D inputs are supported");
    }
    var tf = ctx.tf();
    var axes = tf.constant(new int[] {1, 2});
    var nhwc = x.nhwc(tf);
    return List.of(Activation.nhwc(max ? tf.max(nhwc, axes, Max.keepDims(true))
        : tf.math.mean(nhwc, axes, Mean.keepDims(true))));
  }
}
