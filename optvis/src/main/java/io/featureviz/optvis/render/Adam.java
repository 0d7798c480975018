package io.featureviz.optvis.render;

import io.featureviz.optvis.param.Trainables;
import io.featureviz.optvis.param.Trainables.Trainable;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Adam as TensorFlow 1's fused {@code ResourceApplyAdam} kernel, the one lucid's
 * {@code AdamOptimizer} ran: the update is part of the same {@code Session.run} as the forward and
 * backward pass, one op per parameter instead of a dozen element-wise passes.
 */
final class Adam {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final Ops scoped;
  private final List<Trainable> parameters;
  private final List<Trainable[]> moments = new ArrayList<>();
  private final Operand<TFloat32> beta1Power;
  private final Operand<TFloat32> beta2Power;
  private final Operand<TFloat32> learningRate;
  private final List<Op> initializers = new ArrayList<>();

  /** @param step the 0-based step being taken */
  Adam(Ops tf, Trainables trainables, Operand<TInt64> step, float learningRate) {
    scoped = tf.withSubScope("adam");
    Operand<TFloat32> t = scoped.math.add(scoped.dtypes.cast(step, TFloat32.class),
        scoped.constant(1f));
    beta1Power = scoped.math.pow(scoped.constant(BETA1), t);
    beta2Power = scoped.math.pow(scoped.constant(BETA2), t);
    this.learningRate = scoped.constant(learningRate);
    parameters = trainables.all();
    Trainables slots = new Trainables();
    for (Trainable p : parameters) {
      Ops slot = scoped.withSubScope(p.name());
      moments.add(new Trainable[] {
          slots.create(slot, "m", p.shape(), slot.zerosLike(p.value())),
          slots.create(slot, "v", p.shape(), slot.zerosLike(p.value()))});
    }
    slots.all().forEach(slot -> initializers.add(slot.initializer()));
  }

  /**
   * The update ops for one set of gradients; several sets (built differently) share the moments.
   *
   * @param gradients d loss / d value for each trainable, in order
   */
  List<Op> updates(Output<?>[] gradients) {
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> g = (Operand<TFloat32>) gradients[i];
      Ops slot = scoped.withSubScope(parameters.get(i).name());
      updates.add(slot.train.resourceApplyAdam(parameters.get(i).handle(),
          moments.get(i)[0].handle(), moments.get(i)[1].handle(), beta1Power, beta2Power,
          learningRate, slot.constant(BETA1), slot.constant(BETA2), slot.constant(EPSILON), g));
    }
    return updates;
  }

  List<Op> initializers() {
    return initializers;
  }
}
