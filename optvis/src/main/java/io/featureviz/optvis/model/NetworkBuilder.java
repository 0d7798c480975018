package io.featureviz.optvis.model;

import io.featureviz.optvis.runtime.FusionBarrier;
import io.featureviz.optvis.runtime.RedirectedRelu;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The graph a network is built into, plus the activations importers must use for ReLUs so that
 * the renderer can swap in its redirected-gradient ReLU for the first optimization steps.
 */
public class NetworkBuilder {

  private final Ops tf;
  private final boolean redirectable;

  public NetworkBuilder(Ops tf) {
    this(tf, false);
  }

  /** @param redirectable build ReLUs whose gradient can be redirected ({@link RedirectedRelu}) */
  public NetworkBuilder(Ops tf, boolean redirectable) {
    this.tf = tf;
    this.redirectable = redirectable;
  }

  public Ops tf() {
    return tf;
  }

  public Operand<TFloat32> relu(Operand<TFloat32> x) {
    Operand<TFloat32> input = FusionBarrier.activationInput(tf, x);
    return redirectable ? RedirectedRelu.apply(tf, input, Float.POSITIVE_INFINITY)
        : tf.nn.relu(input);
  }

  public Operand<TFloat32> relu6(Operand<TFloat32> x) {
    Operand<TFloat32> input = FusionBarrier.activationInput(tf, x);
    return redirectable ? RedirectedRelu.apply(tf, input, 6f) : tf.nn.relu6(input);
  }
}
