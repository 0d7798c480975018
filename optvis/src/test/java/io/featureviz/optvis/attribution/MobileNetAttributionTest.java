package io.featureviz.optvis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Attribution on the shared MobileNetV2 at a block output, checked against its own definitions.
 * Tagged to run without oneDNN, whose backward kernels are too coarse for these bounds (see the
 * surefire execution in optvis/pom.xml).
 */
@Tag("exact-gradients")
class MobileNetAttributionTest {

  static final String LAYER = "expanded_conv_12/add";
  private static final ImageModel MODEL = SharedFiles.catalog().load("mobilenet_v2");
  private static Explainer explainer;
  private static RgbImage photo;

  @BeforeAll
  static void load() throws IOException {
    explainer = new Explainer(MODEL, LAYER);
    photo = ImageLoader.loadSquare(SharedFiles.images().resolve("parrot.jpg"), 224);
  }

  @AfterAll
  static void close() {
    explainer.close();
  }

  @Test
  void integratedGradientsAddUpToTheLogitsChangeWithinOnePercent() {
    Explanation explanation = explainer.explain("parrot.jpg", photo,
        new ExplainOptions(null, ExplainMethod.IG, ExplainLimits.DEFAULT_IG_STEPS, 0, null, 0))
        .explanation();
    Explanation.Completeness completeness = explanation.completeness();
    assertTrue(Math.abs(completeness.expected()) > 1, completeness.toString());
    assertTrue(completeness.gap() < 0.01, completeness.toString());
    double channelSum = explanation.channels().stream()
        .mapToDouble(ChannelAttribution::attribution).sum();
    assertEquals(completeness.sum(), channelSum, 1e-3 * Math.abs(channelSum));
  }

  /**
   * Scaling channel c's activations by (1 + eps) moves the logit by about eps times the channel's
   * gradient x activation (its first-order term).
   */
  @Test
  void gradientTimesActivationMatchesAFiniteDifferenceOnTheStrongestChannels() {
    ExplainResult result = explainer.explain("parrot.jpg", photo,
        new ExplainOptions(null, ExplainMethod.GRAD, 1, 0, null, 0));
    Explanation explanation = result.explanation();
    int k = explanation.explained().index();
    assertEquals(96, explanation.channels().size());
    assertEquals(14 * 14, explanation.positions().size());
    assertEquals(224, result.heatmap().width());
    try (AttributionGraph graph = new AttributionGraph(MODEL, LAYER, 1)) {
      float[] activations = graph.forward(List.of(photo)).activations();
      double logit = graph.logitsAt(activations)[k];
      double eps = 1e-2;
      List<ChannelAttribution> checked = explanation.channels().subList(0, 3);
      for (ChannelAttribution channel : checked) {
        float[] scaled = activations.clone();
        for (int i = channel.channel(); i < scaled.length; i += 96) {
          scaled[i] *= (float) (1 + eps);
        }
        double change = (graph.logitsAt(scaled)[k] - logit) / eps;
        assertEquals(channel.attribution(), change, 0.05 * Math.abs(channel.attribution()),
            "channel " + channel.channel());
      }
    }
  }
}
