package io.featureviz.optvis.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.featureviz.optvis.testing.GraphRun;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Each penalty on a batch of two known 8x8 images: a checkerboard of 0.25 and 0.75 (every pixel
 * 0.25 from grey, every neighbour 0.5 away) and plain grey 0.5.
 */
class RegularizersTest {

  private static final int SIZE = 8;
  private static final float TOLERANCE = 1e-6f;

  private static float[] penalty(BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> term) {
    float[] pixels = new float[2 * SIZE * SIZE * 3];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        for (int c = 0; c < 3; c++) {
          pixels[(y * SIZE + x) * 3 + c] = (x + y) % 2 == 0 ? 0.75f : 0.25f;
          pixels[((SIZE + y) * SIZE + x) * 3 + c] = 0.5f;
        }
      }
    }
    return GraphRun.fetch((tf, trainables) -> List.of(term.apply(tf,
        tf.constant(Shape.of(2, SIZE, SIZE, 3), DataBuffers.of(pixels))))).get(0);
  }

  @Test
  void l1IsTheMeanDistanceFromGrey() {
    assertArrayEquals(new float[] {0.25f, 0f}, penalty(Regularizers::l1), TOLERANCE);
  }

  @Test
  void l2IsTheMeanSquaredDistanceFromGrey() {
    assertArrayEquals(new float[] {0.0625f, 0f}, penalty(Regularizers::l2), TOLERANCE);
  }

  /** 0.5 between vertical neighbours plus 0.5 between horizontal ones. */
  @Test
  void totalVariationSumsTheMeanNeighbourDifferencesOfBothAxes() {
    assertArrayEquals(new float[] {1f, 0f}, penalty(Regularizers::totalVariation), TOLERANCE);
  }

  /**
   * The 3x3 box blur pads with zeros, so a box at the border holds fewer pixels. For a checkerboard
   * pixel 0.5 + s/4 (s = +-1): inside, four opposite and four equal neighbours blur it to
   * 0.5 + s/36, (2/9)^2 away; at an edge (6 pixels, half of each sign with the centre) to 3/9,
   * at a corner (4 pixels) to 2/9. Each edge of 8 has 6 non-corner pixels, 3 of each sign; two
   * corners are 0.75 and two 0.25. On grey only the border moves: 3/9 at an edge, 2/9 at a corner.
   */
  @Test
  void blurIsTheMeanSquaredDistanceToABoxBlurredCopy() {
    int inner = (SIZE - 2) * (SIZE - 2);
    int edgeOfEachSign = 2 * (SIZE - 2);
    double checkerboard = (inner * square(2.0 / 9)
        + edgeOfEachSign * (square(0.75 - 3.0 / 9) + square(0.25 - 3.0 / 9))
        + 2 * (square(0.75 - 2.0 / 9) + square(0.25 - 2.0 / 9))) / (SIZE * SIZE);
    double grey = (4 * (SIZE - 2) * square(0.5 - 3.0 / 9) + 4 * square(0.5 - 2.0 / 9))
        / (SIZE * SIZE);
    assertArrayEquals(new float[] {(float) checkerboard, (float) grey},
        penalty(Regularizers::blurDistance), TOLERANCE);
  }

  private static double square(double x) {
    return x * x;
  }
}
