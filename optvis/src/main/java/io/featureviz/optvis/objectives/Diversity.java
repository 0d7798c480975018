package io.featureviz.optvis.objectives;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.linalg.BatchMatMul;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * lucid's diversity term: each image's Gram matrix of a layer should be unlike the others'. The
 * value for element i is minus the summed cosine similarity of its Gram matrix with every other
 * element's, so adding it to an objective pushes a batch apart.
 */
final class Diversity {

  private Diversity() {}

  static Operand<TFloat32> negativeGramSimilarity(Ops tf, Operand<TFloat32> activations,
      int batch) {
    Operand<TFloat32> flat = tf.reshape(activations,
        tf.stack(List.of(tf.constant(batch), tf.constant(-1),
            tf.gather(tf.shape(activations), tf.constant(3), tf.constant(0)))));
    Operand<TFloat32> grams = tf.linalg.batchMatMul(flat, flat,
        BatchMatMul.adjX(true));
    Operand<TFloat32> vectors = tf.reshape(grams, tf.constant(new int[] {batch, -1}));
    Operand<TFloat32> norms = tf.math.sqrt(tf.math.add(
        tf.reduceSum(tf.math.square(vectors), tf.constant(1),
            ReduceSum.keepDims(true)), tf.constant(1e-10f)));
    Operand<TFloat32> unit = tf.math.div(vectors, norms);
    Operand<TFloat32> similarity = tf.linalg.matMul(unit, unit,
        MatMul.transposeB(true));
    // Each element's similarity with itself is 1; leave it out.
    Operand<TFloat32> others = tf.math.sub(tf.reduceSum(similarity, tf.constant(1)),
        tf.linalg.matrixDiagPart(similarity, tf.constant(0), tf.constant(0f)));
    return tf.math.neg(others);
  }
}
