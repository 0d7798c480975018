package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.tensorflow.op.math.Mean;

/**
 * ReduceMean over the axes of an attribute (before opset 18) or input. A channel-last input stays
 * so when the kept axes come out in ONNX's order; otherwise it is reduced in ONNX layout.
 */
final class ReduceMeanOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("axes", "keepdims", "noop_with_empty_axes");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Activation x = ctx.activation(0);
    int rank = x.rank();
    int[] axes = Axes.of(ctx, 1, rank);
    if (axes == null || axes.length == 0) {
      if (ctx.intAttr("noop_with_empty_axes", 0) != 0) {
        return List.of(x);
      }
      axes = IntStream.range(0, rank).toArray();
    }
    boolean keep = ctx.intAttr("keepdims", 1) != 0;
    var tf = ctx.tf();
    boolean channelsLast = x.channelsLast() && (keep || keptInOrder(axes));
    int[] internal = channelsLast ? Arrays.stream(axes).map(x::axis).toArray() : axes;
    var result = tf.math.mean(channelsLast ? x.tensor() : x.nchw(tf), tf.constant(internal),
        Mean.keepDims(keep));
    return List.of(new Activation(result, channelsLast && keep));
  }

  /** Whether dropping these NCHW axes leaves the rest in the same order as from NHWC. */
  private static boolean keptInOrder(int[] axes) {
    boolean channel = Arrays.stream(axes).anyMatch(a -> a == 1);
    boolean spatial = Arrays.stream(axes).filter(a -> a == 2 || a == 3).count() == 2;
    return channel || spatial;
  }
}
