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
 * Adam as graph ops (TensorFlow 1's formulation, as lucid used): the update is part of the same
 * {@code Session.run} as the forward and backward pass.
 */
final class Adam {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final Ops scoped;
  private final List<Trainable> parameters;
  private final List<Trainable[]> moments = new ArrayList<>();
  private final Operand<TFloat32> correctedRate;
  private final List<Op> initializers = new ArrayList<>();

  /** @param step the 0-based step being taken */
  Adam(Ops tf, Trainables trainables, Operand<TInt64> step, float learningRate) {
    scoped = tf.withSubScope("adam");
    Operand<TFloat32> t = scoped.math.add(scoped.dtypes.cast(step, TFloat32.class),
        scoped.constant(1f));
    correctedRate = scoped.math.div(
        scoped.math.mul(scoped.constant(learningRate), scoped.math.sqrt(
            scoped.math.sub(scoped.constant(1f), scoped.math.pow(scoped.constant(BETA2), t)))),
        scoped.math.sub(scoped.constant(1f), scoped.math.pow(scoped.constant(BETA1), t)));
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
      Trainable p = parameters.get(i);
      Trainable m = moments.get(i)[0];
      Trainable v = moments.get(i)[1];
      @SuppressWarnings("unchecked")
      Operand<TFloat32> g = (Operand<TFloat32>) gradients[i];
      Ops slot = scoped.withSubScope(p.name());
      Operand<TFloat32> newM = slot.math.add(slot.math.mul(slot.constant(BETA1), m.value()),
          slot.math.mul(slot.constant(1 - BETA1), g));
      Operand<TFloat32> newV = slot.math.add(slot.math.mul(slot.constant(BETA2), v.value()),
          slot.math.mul(slot.constant(1 - BETA2), slot.math.square(g)));
      Operand<TFloat32> delta = slot.math.div(slot.math.mul(correctedRate, newM),
          slot.math.add(slot.math.sqrt(newV), slot.constant(EPSILON)));
      updates.add(slot.assignVariableOp(m.handle(), newM));
      updates.add(slot.assignVariableOp(v.handle(), newV));
      updates.add(slot.assignVariableOp(p.handle(), slot.math.sub(p.value(), delta)));
    }
    return updates;
  }

  List<Op> initializers() {
    return initializers;
  }
}
