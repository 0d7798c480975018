package io.featureviz.optvis.model.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Transpose: folded for constants; on a channel-last activation the permutation is composed with
 * the layout's, so NCHW to NHWC (as before a LayerNorm over channels) costs nothing.
 */
final class TransposeOp implements OnnxOp {

  @Override
  public Set<String> attributes() {
    return Set.of("perm");
  }

  @Override
  public List<Value> apply(OpContext ctx) {
    Value input = ctx.input(0);
    int rank = input instanceof Activation a ? a.rank() : ((Constant) input).rank();
    long[] perm = ctx.intsAttr("perm",
        IntStream.range(0, rank).map(i -> rank - 1 - i).asLongStream().toArray());
    if (perm.length != rank || !Arrays.equals(Arrays.stream(perm).sorted().toArray(),
        IntStream.range(0, rank).asLongStream().toArray())) {
      throw ctx.refuse("perm " + Arrays.toString(perm) + " is not a permutation of " + rank
          + " axes");
    }
    if (input instanceof Constant c) {
      return List.of(c.transpose(Arrays.stream(perm).mapToInt(p -> (int) p).toArray()));
    }
    Activation x = (Activation) input;
    long[] internal = Arrays.stream(perm).map(p -> x.axis((int) p)).toArray();
    if (Arrays.equals(internal, IntStream.range(0, rank).asLongStream().toArray())) {
      return List.of(Activation.onnx(x.tensor()));
    }
    var tf = ctx.tf();
    return List.of(Activation.onnx(tf.linalg.transpose(x.tensor(), Shapes.int32(tf, internal))));
  }
}
