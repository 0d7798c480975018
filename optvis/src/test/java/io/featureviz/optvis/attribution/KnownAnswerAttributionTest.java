package io.featureviz.optvis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.contracts.explain.Explanation.PositionAttribution;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.testing.TinyConvModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** On a network whose answer is known by construction, attribution finds it, exactly. */
class KnownAnswerAttributionTest {

  /** A grey image with a blue square in its top-left quarter. */
  private static final RgbImage IMAGE = blueSquareOnGrey();
  private static final Explainer EXPLAINER =
      new Explainer(new KnownAnswerNet(), KnownAnswerNet.LAYER);

  @AfterAll
  static void close() {
    EXPLAINER.close();
  }

  @ParameterizedTest
  @EnumSource(ExplainMethod.class)
  void theChannelAClassReadsGetsItsAttributionExactly(ExplainMethod method) {
    Explanation blue = explain(0, method).explanation();
    assertEquals(KnownAnswerNet.BLUE, blue.channels().get(0).channel());
    for (ChannelAttribution channel : blue.channels()) {
      double expected = KnownAnswerNet.HEAD[channel.channel()][0] * mean(channel.channel());
      assertEquals(expected, channel.attribution(), 1e-5, "channel " + channel.channel());
    }
    assertEquals(KnownAnswerNet.RED, explain(1, method).explanation().channels().get(0).channel());
  }

  @Test
  void integratedGradientsAddUpToTheLogitsChange() {
    Explanation.Completeness completeness =
        explain(0, ExplainMethod.IG).explanation().completeness();
    assertEquals(completeness.expected(), completeness.sum(), 1e-5);
    assertTrue(completeness.gap() < 1e-4, completeness.toString());
    assertEquals(null, explain(0, ExplainMethod.GRAD).explanation().completeness());
  }

  @Test
  void theDictionaryNamesBlueWhereTheSquareIsAndTheHeatmapIsWarmestThere() {
    ExplainResult result = explain(0, ExplainMethod.GRAD);
    Explanation explanation = result.explanation();
    assertEquals(KnownAnswerNet.SIZE, explanation.gridWidth());
    assertEquals(KnownAnswerNet.SIZE * KnownAnswerNet.SIZE, explanation.positions().size());
    PositionAttribution inside = explanation.positions().get(2 * KnownAnswerNet.SIZE + 3);
    PositionAttribution outside = explanation.positions().get(12 * KnownAnswerNet.SIZE + 12);
    assertEquals(3, inside.x());
    assertEquals(2, inside.y());
    assertEquals(ExplainLimits.DICTIONARY_CHANNELS, inside.channels().size());
    assertEquals(KnownAnswerNet.BLUE, inside.channels().get(0));
    assertTrue(inside.attribution() > 2 * outside.attribution(), inside + " vs " + outside);
    RgbImage heatmap = result.heatmap();
    assertEquals(IMAGE.width(), heatmap.width());
    assertTrue(heatmap.get(3, 2, 0) > heatmap.get(12, 12, 0), "warm where the class is read");
  }

  @Test
  void theTopClassIsExplainedUnlessOneIsAsked() {
    Explanation explanation = EXPLAINER.explain("square", IMAGE,
        new ExplainOptions(null, ExplainMethod.GRAD, 1, 0, null, 0)).explanation();
    Explanation.ClassScore top = explanation.topClasses().get(0);
    assertEquals(top, explanation.explained());
    assertEquals("square", explanation.image());
    assertEquals("known_answer", explanation.model());
    assertEquals(3, explanation.topClasses().size());
    double sum = explanation.topClasses().stream().mapToDouble(c -> c.probability()).sum();
    assertEquals(1, sum, 1e-6);
    assertTrue(explanation.groups().isEmpty());
    assertFalse(EXPLAINER.explain("square", IMAGE,
        new ExplainOptions(null, ExplainMethod.GRAD, 1, 0, null, 0)).groupVisualizations()
        .isPresent());
  }

  @Test
  void badRequestsAreRefusedWithWhatIsWrong() {
    assertMessage(() -> explain(3, ExplainMethod.GRAD), "class 3 is outside");
    assertMessage(() -> EXPLAINER.explain("x", IMAGE,
        new ExplainOptions(null, ExplainMethod.GRAD, 1, 5, null, 0)), "has 4 channels");
    assertMessage(() -> new Explainer(new KnownAnswerNet(), "featurez"), "no layer 'featurez'");
    assertMessage(() -> new Explainer(new KnownAnswerNet(), "logits"), "no spatial grid");
    ImageModel withoutLogits = new ImageModel() {
      private final TinyConvModel tiny = new TinyConvModel();

      @Override
      public ModelInfo info() {
        ModelInfo info = tiny.info();
        return new ModelInfo(info.id(), info.format(), info.inputSize(), 0, 1, info.layers(),
            List.of(), Optional.empty());
      }

      @Override
      public Map<String, org.tensorflow.Operand<org.tensorflow.types.TFloat32>> build(
          io.featureviz.optvis.model.NetworkBuilder net,
          org.tensorflow.Operand<org.tensorflow.types.TFloat32> images) {
        return tiny.build(net, images);
      }
    };
    assertMessage(() -> new Explainer(withoutLogits, "conv2"), "not a classifier");
  }

  private static ExplainResult explain(int classIndex, ExplainMethod method) {
    return EXPLAINER.explain("square", IMAGE,
        new ExplainOptions(classIndex, method, 4, 0, null, 0));
  }

  /** The mean of feature channel c over the image (the black baseline's features are 0). */
  private static double mean(int channel) {
    double sum = 0;
    int pixels = IMAGE.width() * IMAGE.height();
    for (int p = 0; p < pixels; p++) {
      float r = IMAGE.pixels()[3 * p];
      float g = IMAGE.pixels()[3 * p + 1];
      float b = IMAGE.pixels()[3 * p + 2];
      sum += switch (channel) {
        case 0 -> r;
        case 1 -> g;
        case 2 -> b;
        default -> (r + g + b) / 3;
      };
    }
    return sum / pixels;
  }

  private static RgbImage blueSquareOnGrey() {
    int size = KnownAnswerNet.SIZE;
    float[] pixels = new float[size * size * 3];
    Random random = new Random(7);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = 3 * (y * size + x);
        boolean square = x < size / 2 && y < size / 2;
        pixels[i] = 0.3f + 0.05f * random.nextFloat();
        pixels[i + 1] = 0.3f + 0.05f * random.nextFloat();
        pixels[i + 2] = square ? 0.95f : 0.3f;
      }
    }
    return new RgbImage(size, size, pixels);
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call,
      String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
