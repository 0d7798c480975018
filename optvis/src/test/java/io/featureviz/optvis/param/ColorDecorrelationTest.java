package io.featureviz.optvis.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.featureviz.optvis.testing.GraphRun;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

class ColorDecorrelationTest {

  /**
   * Each decorrelated axis becomes one column of lucid's square-root correlation matrix
   * [[0.26,0.09,0.02],[0.27,0.00,-0.05],[0.27,-0.09,0.03]], divided by its largest column norm,
   * the first's: sqrt(0.26^2 + 0.27^2 + 0.27^2).
   */
  @Test
  void unitAxesMapToTheNormalizedCorrelationColumns() {
    float[] axes = {1, 0, 0, 0, 1, 0, 0, 0, 1};
    float[] rgb = GraphRun.fetch((tf, trainables) -> List.of(ColorDecorrelation.toRgb(tf,
        tf.constant(Shape.of(1, 1, 3, 3), DataBuffers.of(axes))))).get(0);
    float norm = (float) Math.sqrt(0.26 * 0.26 + 0.27 * 0.27 + 0.27 * 0.27);
    float[] expected = {
        0.26f / norm, 0.27f / norm, 0.27f / norm,
        0.09f / norm, 0f, -0.09f / norm,
        0.02f / norm, -0.05f / norm, 0.03f / norm};
    assertArrayEquals(expected, rgb, 1e-6f);
  }
}
