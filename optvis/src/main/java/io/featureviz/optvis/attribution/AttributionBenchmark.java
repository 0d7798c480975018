package io.featureviz.optvis.attribution;

import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.optvis.image.Resampler;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The figures of the benchmark, measured at one layer: faithfulness by deletion (zeroing
 * the channels with the highest attribution lowers the class's logit more than zeroing as many
 * channels at random) and the time of an explanation against one forward and backward pass.
 */
public final class AttributionBenchmark implements AutoCloseable {

  private final ImageModel model;
  private final Explainer explainer;
  private final AttributionGraph graph;

  public AttributionBenchmark(ImageModel model, String layer) {
    this.model = model;
    this.explainer = new Explainer(model, layer);
    this.graph = new AttributionGraph(model, layer, 1);
  }

  /**
   * How much the explained (top-1) logit drops when the layer's {@code channels} channels of
   * highest grad x activation are zeroed, and on average over {@code draws} seeded draws of as
   * many random channels.
   */
  public record Deletion(double logit, double topDrop, double randomDrop) {}

  public Deletion deletion(RgbImage image, int channels, int draws, long seed) {
    RgbImage square = square(image);
    Explanation explanation = explainer.explain("bench", square,
        new ExplainOptions(null, ExplainMethod.GRAD, 1, 0, null, seed)).explanation();
    int k = explanation.explained().index();
    float[] activations = graph.forward(List.of(square)).activations();
    double logit = graph.logitsAt(activations)[k];
    List<Integer> top = explanation.channels().subList(0, channels).stream()
        .map(Explanation.ChannelAttribution::channel).toList();
    double topDrop = logit - logitWithout(activations, top, k);
    Random random = new Random(seed);
    List<Integer> all = new ArrayList<>(IntStream.range(0, graph.grid().channels()).boxed()
        .toList());
    double randomDrops = 0;
    for (int d = 0; d < draws; d++) {
      Collections.shuffle(all, random);
      randomDrops += logit - logitWithout(activations, all.subList(0, channels), k);
    }
    return new Deletion(logit, topDrop, randomDrops / draws);
  }

  private double logitWithout(float[] activations, List<Integer> zeroed, int k) {
    float[] edited = activations.clone();
    int channels = graph.grid().channels();
    for (int c : zeroed) {
      for (int i = c; i < edited.length; i += channels) {
        edited[i] = 0;
      }
    }
    return graph.logitsAt(edited)[k];
  }

  /** Median seconds of one explanation and of one forward and backward pass, on one image. */
  public record Timing(double explainSeconds, double passSeconds) {}

  public Timing timing(RgbImage image, ExplainOptions options, int repeats) {
    RgbImage square = square(image);
    int k = explainer.explain("bench", square, options).explanation().explained().index();
    graph.gradientFrom(List.of(square), k);
    double[] explain = new double[repeats];
    double[] pass = new double[repeats];
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      explainer.explain("bench", square, options);
      explain[r] = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      graph.gradientFrom(List.of(square), k);
      pass[r] = (System.nanoTime() - start) / 1e9;
    }
    return new Timing(median(explain), median(pass));
  }

  private RgbImage square(RgbImage image) {
    return Resampler.resizeShortSideAndCropCentre(image, model.info().inputSize());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  @Override
  public void close() {
    explainer.close();
    graph.close();
  }
}
