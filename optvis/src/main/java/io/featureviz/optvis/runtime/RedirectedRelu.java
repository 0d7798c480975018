package io.featureviz.optvis.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A ReLU (or ReLU6) whose gradient can also flow through units that are off, except where it
 * would push them further off (lucid's {@code redirected_relu_grad}). Without it, a unit that
 * starts dead receives no gradient and its image stays grey.
 *
 * <p>TensorFlow offers no per-node gradient override from Java, and Relu's gradient cannot be
 * replaced. So the activation is followed by a marker op of a type that has no gradient of its
 * own ("Print", set never to print, which passes its input through without a copy) and that
 * also takes the pre-activation. Its registered gradient either passes the incoming gradient
 * back through the ReLU (plain) or sends the redirected gradient straight to the
 * pre-activation. Which one is decided when the gradient graph is built ({@link #building}),
 * so a render builds both once and picks per step at no run-time cost.
 */
public final class RedirectedRelu {

  /** Marker inputs: the activation, the pre-activation and the cap (+inf for ReLU). */
  private static final int MARKER_INPUTS = 3;
  private static final ThreadLocal<Boolean> REDIRECTING = ThreadLocal.withInitial(() -> false);

  private RedirectedRelu() {}

  /** @param cap the activation's upper bound, {@code Float.POSITIVE_INFINITY} for a ReLU */
  public static Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x, float cap) {
    Operand<TFloat32> activation = Float.isInfinite(cap) ? tf.nn.relu(x) : tf.nn.relu6(x);
    return RawOps.silentPrint(tf, "RedirectedRelu", activation, x, tf.constant(cap));
  }

  /** Builds gradients (in {@code build}) with redirected or with ordinary ReLU gradients. */
  public static <T> T building(boolean redirect, Supplier<T> build) {
    boolean previous = REDIRECTING.get();
    REDIRECTING.set(redirect);
    try {
      return build.get();
    } finally {
      REDIRECTING.set(previous);
    }
  }

  static void register() {
    TensorFlow.registerCustomGradient("Print", RedirectedRelu::gradient);
  }

  private static List<Operand<?>> gradient(Ops tf, GraphOperation op, List<Output<?>> grads) {
    Output<TFloat32> g = RawOps.typed(grads.get(0));
    Operand<?>[] result = new Operand<?>[op.numInputs()];
    // Ordinary case, and any other graph's Print: pass the gradient through input 0.
    result[0] = g;
    for (int i = 1; i < result.length; i++) {
      result[i] = tf.zerosLike(op.input(i));
    }
    if (op.numInputs() == MARKER_INPUTS && REDIRECTING.get()) {
      result[0] = tf.zerosLike(g);
      result[1] = redirected(tf, g, RawOps.typed(op.input(1)), RawOps.typed(op.input(2)));
    }
    return Arrays.asList(result);
  }

  private static Operand<TFloat32> redirected(Ops tf, Operand<TFloat32> g, Operand<TFloat32> x,
      Operand<TFloat32> cap) {
    Operand<TFloat32> zeros = tf.zerosLike(g);
    Operand<TBool> inside = tf.math.logicalAnd(tf.math.greater(x, tf.constant(0f)),
        tf.math.less(x, cap));
    Operand<TFloat32> reluGrad = tf.select(inside, g, zeros);
    // g is d(loss)/d(out) and the loss is minimized: g > 0 pushes the unit down.
    Operand<TBool> pushedFurtherOff = tf.math.logicalOr(
        tf.math.logicalAnd(tf.math.less(x, tf.constant(0f)), tf.math.greater(g, tf.constant(0f))),
        tf.math.logicalAnd(tf.math.greaterEqual(x, cap), tf.math.less(g, tf.constant(0f))));
    Operand<TFloat32> redirected = tf.select(pushedFurtherOff, zeros, g);
    // Redirect only batch elements whose ordinary gradient is zero everywhere.
    Operand<TInt32> batch = tf.gather(tf.shape(g), tf.constant(0), tf.constant(0));
    Operand<TFloat32> perElement = tf.reshape(reluGrad,
        tf.stack(List.of(batch, tf.constant(-1))));
    Operand<TFloat32> flows = tf.dtypes.cast(tf.math.greater(
        tf.reduceSum(tf.math.abs(perElement), tf.constant(1)), tf.constant(0f)), TFloat32.class);
    // [batch] -> [batch, 1, ..., 1] so that it scales whole batch elements.
    Operand<TInt32> ones = tf.fill(tf.reshape(tf.math.sub(tf.rank(g), tf.constant(1)),
        tf.constant(new int[] {1})), tf.constant(1));
    Operand<TFloat32> perBatch = tf.reshape(flows,
        tf.concat(List.of(tf.reshape(batch, tf.constant(new int[] {1})), ones), tf.constant(0)));
    return tf.math.add(tf.math.mul(perBatch, reluGrad),
        tf.math.mul(tf.math.sub(tf.constant(1f), perBatch), redirected));
  }
}
