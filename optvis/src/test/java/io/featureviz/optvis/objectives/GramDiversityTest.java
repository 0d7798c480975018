package io.featureviz.optvis.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.featureviz.optvis.testing.GraphRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Three elements of a 1x2-position, 2-channel layer, chosen so that their Gram matrices are
 * I (positions (1,0) and (0,1)), diag(2, 0) (twice (1,0)) and diag(0, 2) (twice (0,1)). As
 * vectors, the first is at cosine 1/sqrt(2) to each of the others, which are orthogonal.
 */
class GramDiversityTest {

  private static final float[] ACTIVATIONS = {1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1};
  private static final float COSINE = (float) (1 / Math.sqrt(2));

  private static float[] diversity(int batch) {
    float[] activations = new float[batch * 4];
    System.arraycopy(ACTIVATIONS, 0, activations, 0, activations.length);
    return GraphRun.fetch((tf, trainables) -> List.of(GramDiversity.negativeGramSimilarity(tf,
        tf.constant(Shape.of(batch, 1, 2, 2), DataBuffers.of(activations)), batch))).get(0);
  }

  @Test
  void eachElementScoresMinusItsSimilarityToTheOthers() {
    assertArrayEquals(new float[] {-2 * COSINE, -COSINE, -COSINE}, diversity(3), 1e-6f);
  }

  @Test
  void twoElementsShareOneSimilarity() {
    assertArrayEquals(new float[] {-COSINE, -COSINE}, diversity(2), 1e-6f);
  }
}
