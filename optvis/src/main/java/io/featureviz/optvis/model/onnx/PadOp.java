package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Pad (opset 11 on: pads, constant value and axes as inputs) in constant or reflect mode; the
 * pads of a channel-last input are permuted to its layout.
 */
final class PadOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("mode");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Activation x = ctx.activation(0);
    int rank = x.rank();
    long[] given = ctx.constant(1).toLongs();
    int[] axes = Axes.of(ctx, 3, rank);
    if (axes == null) {
      axes = java.util.stream.IntStream.range(0, rank).toArray();
    }
    if (given.length != 2 * axes.length) {
      throw ctx.refuse("pads has " + given.length + " values for " + axes.length + " axes");
    }
    long[][] paddings = new long[rank][2];
    for (int i = 0; i < axes.length; i++) {
      if (given[i] < 0 || given[i + axes.length] < 0) {
        throw ctx.refuse("negative pads " + Arrays.toString(given) + " are not supported");
      }
      paddings[x.axis(axes[i])] = new long[] {given[i], given[i + axes.length]};
    }
    var tf = ctx.tf();
    String mode = ctx.stringAttr("mode", "constant");
    Operand<TFloat32> y = switch (mode) {
      case "constant" -> {
        Constant value = ctx.optionalConstant(2);
        yield tf.pad(x.tensor(), Shapes.int32(tf, paddings),
            tf.constant(value == null ? 0f : value.floatAt(0)));
      }
      case "reflect" -> tf.mirrorPad(x.tensor(), Shapes.int32(tf, paddings), "REFLECT");
      default -> throw ctx.refuse("pad mode '" + mode + "' is not supported (constant, reflect)");
    };
    return List.of(new Activation(y, x.channelsLast()));
  }
}
