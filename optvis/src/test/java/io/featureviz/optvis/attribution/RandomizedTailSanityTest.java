package io.featureviz.optvis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.testing.SharedFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adebayo et al. 2018's sanity check: an attribution that explains the model must change when
 * the model does. With the layers after L re-initialized at random, the ranking of L's channels
 * for the same image and class is unrelated to the trained model's.
 */
class RandomizedTailSanityTest {

  @Test
  void randomizingTheLayersAfterTheExplainedLayerReshufflesTheChannelRanking(@TempDir Path dir)
      throws Exception {
    ImageModel mobilenet = SharedFiles.catalog().load("mobilenet_v2");
    RgbImage photo = ImageLoader.loadSquare(SharedFiles.images().resolve("owl.jpg"), 224);
    String layer = MobileNetAttributionTest.LAYER;
    Explanation trained;
    try (Explainer explainer = new Explainer(mobilenet, layer)) {
      trained = explainer.explain("owl.jpg", photo,
          new ExplainOptions(null, ExplainMethod.GRAD, 1, 0, null, 0)).explanation();
    }
    Explanation randomized;
    try (Explainer explainer = new Explainer(RandomizedTail.of(mobilenet, layer, 1, dir), layer)) {
      randomized = explainer.explain("owl.jpg", photo, new ExplainOptions(
          trained.explained().index(), ExplainMethod.GRAD, 1, 0, null, 0)).explanation();
    }
    assertEquals(trained.channels().size(), randomized.channels().size());
    double rho = spearman(trained.channels(), randomized.channels());
    assertTrue(rho < 0.5, "Spearman " + rho);
  }

  /** Spearman's rank correlation of two rankings of the same channels (no ties). */
  private static double spearman(List<ChannelAttribution> a, List<ChannelAttribution> b) {
    int n = a.size();
    int[] rankInB = new int[n];
    for (int r = 0; r < n; r++) {
      rankInB[b.get(r).channel()] = r;
    }
    double squares = 0;
    for (int r = 0; r < n; r++) {
      double d = r - rankInB[a.get(r).channel()];
      squares += d * d;
    }
    return 1 - 6 * squares / (n * ((double) n * n - 1));
  }
}
