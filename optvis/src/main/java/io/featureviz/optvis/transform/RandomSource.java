package io.featureviz.optvis.transform;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;

/**
 * Seeds for TensorFlow's stateless random ops: each call gives a distinct [2]-element seed made
 * of the user's seed and the current step, so a (seed, step) pair always draws the same
 * transforms and a render is reproducible bit for bit.
 */
public final class RandomSource {

  private final Ops tf;
  private final long seed;
  private final Operand<TInt64> step;
  private long draws;

  public RandomSource(Ops tf, long seed, Operand<TInt64> step) {
    this.tf = tf;
    this.seed = seed;
    this.step = step;
  }

  /** A fresh seed for the next random op in the graph. */
  public Operand<TInt64> next() {
    long draw = ++draws;
    Operand<TInt64> counter = tf.math.add(tf.math.mul(step, tf.constant(1024L)), tf.constant(draw));
    return tf.stack(java.util.List.of(tf.constant(seed), counter));
  }

  /** The seed for initial values, independent of the step. */
  public Operand<TInt64> initial() {
    return tf.constant(new long[] {seed, -1L});
  }
}
