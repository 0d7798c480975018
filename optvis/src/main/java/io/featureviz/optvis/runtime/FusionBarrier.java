package io.featureviz.optvis.runtime;

import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keeps TensorFlow's remapper from fusing a sum into the activation after it.
 *
 * <p>The remapper fuses Conv2D, BiasAdd, Add and ReLU (a residual block's end) into one
 * _FusedConv2D and deletes the Add without checking that nothing else reads it. In a render
 * something always does: the gradient of Relu reads its input, and so do the redirected-ReLU
 * marker and its gradient. The remapper then fails on the whole graph and logs an ERROR
 * ("Mutation::Apply error: fanout ... exist for missing node .../Add"); whether it gets to that
 * fusion depends on the order it visits nodes in, so any change to a graph can bring it out.
 * An activation reads a sum through a pass-through Print instead, which the pattern does not
 * match and, being stateful, no optimizer removes; the convolution, bias and Add are still fused.
 */
public final class FusionBarrier {

  private static final Set<String> SUMS = Set.of("Add", "AddV2", "AddN");

  private FusionBarrier() {}

  /** {@code x} as an activation should read it: through a barrier where it is a sum. */
  public static Operand<TFloat32> activationInput(Ops tf, Operand<TFloat32> x) {
    return SUMS.contains(x.op().type()) ? RawOps.silentPrint(tf, "ActivationInput", x) : x;
  }
}
