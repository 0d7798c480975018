package io.featureviz.optvis.objectives;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * lucid's diversity term: each image's Gram matrix of a layer should be unlike the others'. The
 * value for element i is minus the summed cosine similarity of its Gram matrix with every other
 * element's, so adding it to an objective pushes a batch apart.
 */
final class GramDiversity {

  private GramDiversity() {}

  static Operand<TFloat32> negativeGramSimilarity(Ops tf, Operand<TFloat32> activations,
      int batch) {
    List<Operand<TFloat32>> grams = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      // Plain MatMul per element: its gradient is built in, unlike BatchMatMulV3's.
      // Static channel count: Shape ops on a pack member's tensors can change another
      // member's last bits (see Regularizers).
      Operand<TFloat32> positions = tf.reshape(
          tf.gather(activations, tf.constant(i), tf.constant(0)),
          tf.constant(new long[] {-1, activations.shape().get(3)}));
      grams.add(tf.reshape(tf.linalg.matMul(positions, positions, MatMul.transposeA(true)),
          tf.constant(new int[] {-1})));
    }
    Operand<TFloat32> vectors = tf.stack(grams);
    Operand<TFloat32> norms = tf.math.sqrt(tf.math.add(
        tf.reduceSum(tf.math.square(vectors), tf.constant(1), ReduceSum.keepDims(true)),
        tf.constant(1e-10f)));
    Operand<TFloat32> unit = tf.math.div(vectors, norms);
    Operand<TFloat32> similarity = tf.linalg.matMul(unit, unit, MatMul.transposeB(true));
    // Each element's similarity with itself is 1; leave it out.
    float[] others = new float[batch * batch];
    for (int i = 0; i < others.length; i++) {
      others[i] = i / batch == i % batch ? 0f : 1f;
    }
    Operand<TFloat32> offDiagonal = tf.math.mul(similarity,
        tf.constant(Shape.of(batch, batch), DataBuffers.of(others)));
    return tf.math.neg(tf.reduceSum(offDiagonal, tf.constant(1)));
  }
}
