package io.featureviz.optvis.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.optvis.testing.GraphRun;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The engine side of transform lists: each parsed spec composed into its graph transform. */
class TransformListTest {

  @Test
  void standardIsLucidsList() {
    List<Transform> standard = TransformList.STANDARD.transforms();
    assertEquals(new Pad(12, 0.5f), standard.get(0));
    assertEquals(new Jitter(8), standard.get(1));
    assertEquals(11, ((RandomScale) standard.get(2)).scales().size(), "0.90 to 1.10 by 0.02");
    assertEquals(1.1, ((RandomScale) standard.get(2)).scales().get(10), 1e-12);
    assertEquals(21, ((RandomRotate) standard.get(3)).degrees().size(), "-10 to 10 degrees");
    assertEquals(new Jitter(4), standard.get(4));
  }

  @Test
  void describeParsesBackToTheSameList() {
    String text = "pad(4,0.25),jitter(2),scale(0.5,1,2),rotate(-5..5/2.5)";
    TransformList list = TransformList.parse(text);
    assertEquals(list, TransformList.parse(list.describe()));
    assertEquals(List.of(-5.0, -2.5, 0.0, 2.5, 5.0), ((RandomRotate) list.transforms().get(3))
        .degrees());
    assertEquals(TransformList.NONE, TransformList.parse("none"));
  }

  /**
   * A pad, crops and a scale or rotation run as one warp of the unpadded image: it samples what
   * the transforms one after another do (up to float rounding in the sampled points), since the
   * crops leave pad on every side, so the rotation's extended edges are pad value too.
   */
  @ParameterizedTest
  @ValueSource(strings = {"pad(12,0.5),jitter(8),rotate(-10..10),jitter(4)",
      "pad(4,0.25),jitter(2),scale(0.5,1,2),jitter(1)"})
  void paddedWarpSamplesWhatTheTransformsDoOneAfterAnother(String text) {
    TransformList list = TransformList.parse(text);
    int batch = 2;
    int size = 20;
    float[] pixels = new float[batch * size * size * 3];
    Random random = new Random(5);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    List<float[]> images = GraphRun.fetch((tf, trainables) -> {
      Operand<TFloat32> source = tf.constant(Shape.of(batch, size, size, 3),
          DataBuffers.of(pixels));
      TransformedImage fused = list.apply(tf, new TransformedImage(source, batch, size, size),
          new RandomSource(tf, 3, tf.constant(7L)));
      TransformedImage stepwise = new TransformedImage(source, batch, size, size);
      RandomSource draws = new RandomSource(tf, 3, tf.constant(7L));
      for (Transform transform : list.transforms()) {
        stepwise = transform.apply(tf, stepwise, draws);
      }
      assertEquals(stepwise.height(), fused.height());
      return List.of(fused.images(), stepwise.images());
    });
    float[] fused = images.get(0);
    float[] stepwise = images.get(1);
    assertEquals(stepwise.length, fused.length);
    for (int i = 0; i < fused.length; i++) {
      assertEquals(stepwise[i], fused[i], 1e-4f, "value " + i);
    }
  }
}
