package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * Softmax over one axis (opset 13), or over the axes from {@code axis} on, flattened (before
 * opset 13). A channel-last input keeps its layout when the axis is the channel.
 */
final class SoftmaxOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("axis");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    var tf = ctx.tf();
    Activation x = ctx.activation(0);
    int rank = x.rank();
    boolean modern = ctx.opset() >= 13;
    int axis = Shapes.axis(ctx.intAttr("axis", modern ? -1 : 1), rank, ctx.node().label());
    if (!modern && axis != rank - 1) {
      long[] shape = x.onnxShape();
      if (Arrays.stream(shape).skip(1).anyMatch(d -> d < 0)) {
        throw ctx.refuse("the input's shape must be static");
      }
      long inner = Arrays.stream(shape).skip(axis).reduce(1, (a, b) -> a * b);
      Operand<TFloat32> flat = tf.reshape(x.nchw(tf), Shapes.int32(tf, -1, inner));
      return List.of(Activation.onnx(tf.reshape(tf.nn.softmax(flat),
          Shapes.int32(tf, shape[0] < 0 ? withBatch(shape) : shape))));
    }
    int internal = x.axis(axis);
    if (internal == rank - 1) {
      return List.of(new Activation(tf.nn.softmax(x.tensor()), x.channelsLast()));
    }
    var dim = tf.constant(new int[] {internal});
    Operand<TFloat32> shifted = tf.math.sub(x.tensor(), tf.max(x.tensor(), dim,
        Max.keepDims(true)));
    Operand<TFloat32> exp = tf.math.exp(shifted);
    return List.of(new Activation(tf.math.div(exp, tf.sum(exp, dim, Sum.keepDims(true))),
        x.channelsLast()));
  }

  private static long[] withBatch(long[] shape) {
    long[] out = shape.clone();
    out[0] = -1;
    return out;
  }
}
