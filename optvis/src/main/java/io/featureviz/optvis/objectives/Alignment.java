package io.featureviz.optvis.objectives;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How far apart neighbouring batch elements' activations are (lucid's {@code alignment(layer,
 * decay_ratio=2)}): for element distances d = 1..{@link #REACH}, the mean squared difference of
 * each pair (i, i + d), divided by {@link #DECAY_RATIO}^d. An interpolation subtracts
 * {@link #WEIGHT} times it from what it maximizes, so that its frames keep one layout.
 */
public final class Alignment {

  /** Farthest pair of elements compared, as in lucid. */
  public static final int REACH = 4;
  /** Each step further apart counts this many times less (lucid's default). */
  public static final double DECAY_RATIO = 2;
  /**
   * The penalty's weight against the objective: lucid's interaction notebook uses 1e-1. Enough
   * to keep neighbours' layouts together without pulling the two ends' objects into one.
   */
  public static final float WEIGHT = 0.1f;

  private Alignment() {}

  /**
   * The scalar penalty summed over {@code layers} (0 for none: class objectives read no layer and
   * go unaligned).
   */
  public static Operand<TFloat32> penalty(ObjectiveGraph graph, Set<String> layers) {
    Operand<TFloat32> total = graph.tf().constant(0f);
    for (String layer : layers) {
      total = graph.tf().math.add(total, penalty(graph.tf(), graph.layer(layer), graph.batch()));
    }
    return total;
  }

  /** The penalty of one [batch, ...] layer output; 0 for a batch of one. */
  static Operand<TFloat32> penalty(Ops tf, Operand<TFloat32> layer, int batch) {
    int rank = layer.shape().numDimensions();
    int[] perElement = IntStream.range(1, rank).toArray();
    Operand<TFloat32> total = tf.constant(0f);
    for (int d = 1; d <= Math.min(REACH, batch - 1); d++) {
      Operand<TFloat32> earlier = elements(tf, layer, 0, batch - d, rank);
      Operand<TFloat32> later = elements(tf, layer, d, batch - d, rank);
      Operand<TFloat32> meanSquares = tf.math.mean(
          tf.math.squaredDifference(earlier, later), tf.constant(perElement));
      total = tf.math.add(total, tf.math.mul(tf.reduceSum(meanSquares, tf.constant(0)),
          tf.constant((float) Math.pow(DECAY_RATIO, -d))));
    }
    return total;
  }

  /** Elements {@code from .. from + count - 1} of the batch. */
  private static Operand<TFloat32> elements(Ops tf, Operand<TFloat32> layer, int from, int count,
      int rank) {
    int[] begin = new int[rank];
    int[] size = new int[rank];
    Arrays.fill(size, -1);
    begin[0] = from;
    size[0] = count;
    return tf.slice(layer, tf.constant(begin), tf.constant(size));
  }
}
