package io.featureviz.optvis.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The graph a network is built into, plus the activations importers must use for ReLUs so that
 * the renderer can swap in its redirected-gradient ReLU for the first optimization steps.
 */
public class NetworkBuilder {

  private final Ops tf;

  public NetworkBuilder(Ops tf) {
    this.tf = tf;
  }

  public Ops tf() {
    return tf;
  }

  public Operand<TFloat32> relu(Operand<TFloat32> x) {
    return tf.nn.relu(x);
  }

  public Operand<TFloat32> relu6(Operand<TFloat32> x) {
    return tf.nn.relu6(x);
  }
}
