package io.featureviz.optvis.model.onnx;

import io.featureviz.optvis.model.BatchNorm;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * BatchNormalization at inference, as one scale and one shift per channel; one that alone reads a
 * Conv's output is folded into the Conv before this ({@link ConvBatchNormFold}).
 */
final class BatchNormOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("epsilon", "momentum", "training_mode");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    if (ctx.intAttr("training_mode", 0) != 0) {
      throw ctx.refuse("training_mode 1 is not supported (export the model in eval mode)");
    }
    BatchNorm norm = BatchNorm.of(ctx.constant(1).toFloats(), ctx.constant(2).toFloats(),
        ctx.constant(3).toFloats(), ctx.constant(4).toFloats(), ctx.floatAttr("epsilon", 1e-5f));
    int channels = norm.channels();
    Activation x = ctx.activation(0);
    Ops tf = ctx.tf();
    // Per-channel vectors broadcast against axis 1 in ONNX layout, the last axis channel-last.
    long[] vector = x.channelsLast() || x.rank() == 2 ? new long[] {channels}
        : trailingOnes(channels, x.rank());
    Operand<TFloat32> y = tf.math.add(
        tf.math.mul(x.tensor(), Constant.ofFloats(vector, norm.scale()).operand(tf)),
        Constant.ofFloats(vector, norm.shift()).operand(tf));
    return List.of(new Activation(y, x.channelsLast()));
  }

  private static long[] trailingOnes(int channels, int rank) {
    long[] shape = new long[rank - 1];
    java.util.Arrays.fill(shape, 1);
    shape[0] = channels;
    return shape;
  }
}
