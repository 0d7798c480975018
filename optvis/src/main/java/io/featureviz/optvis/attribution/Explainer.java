package io.featureviz.optvis.attribution;

import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ClassScore;
import io.featureviz.contracts.explain.Explanation.Completeness;
import io.featureviz.contracts.explain.Explanation.NeuronGroup;
import io.featureviz.contracts.objective.Direction;
import io.featureviz.contracts.objective.Objective;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.MapOverlay;
import io.featureviz.optvis.image.Resampler;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Explains images at one layer of a classifier: channel and spatial attribution of a class's
 * logit, the semantic dictionary, neuron groups. One graph serves every image.
 */
public final class Explainer implements AutoCloseable {

  /**
   * Layer values fed at once along integrated gradients' path: the batch of the graph that runs
   * the path holds this many values of the layer (at least one point, at most the default steps).
   */
  private static final int PATH_BATCH_VALUES = 4_000_000;

  private final ImageModel model;
  private final ModelInfo info;
  private final String layer;
  private final AttributionGraph single;
  private AttributionGraph path;

  /**
   * @throws IllegalArgumentException when the model has no logits layer, or the layer is unknown
   *     or has no spatial grid of channels
   */
  public Explainer(ImageModel model, String layer) {
    this.model = model;
    this.info = model.info();
    this.layer = layer;
    this.single = new AttributionGraph(model, layer, 1);
  }

  /** The layer's grid of positions and channels. */
  LayerGrid grid() {
    return single.grid();
  }

  /**
   * Explains {@code image} (any size: prepared as {@code score} prepares it, an image already at
   * the model's input size is used as it is).
   *
   * @param imageName the name the explanation reports
   * @throws IllegalArgumentException for a class out of range or more groups than channels
   */
  public ExplainResult explain(String imageName, RgbImage image, ExplainOptions options) {
    LayerGrid grid = single.grid();
    checkOptions(options, grid);
    RgbImage square = prepared(image);
    AttributionGraph.Forward forward = single.forward(List.of(square));
    int k = options.classIndex() != null ? options.classIndex() : topClass(forward.logits());
    LayerAttribution attribution;
    Completeness completeness = null;
    if (options.method() == ExplainMethod.IG) {
      RgbImage baseline = options.baseline() == null
          ? new RgbImage(square.width(), square.height(), new float[square.pixels().length])
          : prepared(options.baseline());
      AttributionGraph.Forward base = single.forward(List.of(baseline));
      attribution = IntegratedGradients.between(pathGraph(), base.activations(),
          forward.activations(), k, options.igSteps());
      double sum = attribution.total();
      double expected = forward.logits()[k] - base.logits()[k];
      completeness = new Completeness(sum, expected,
          Math.abs(sum - expected) / Math.abs(expected));
    } else {
      float[] gradient = single.gradientAt(forward.activations(), k).gradient();
      attribution = LayerAttribution.gradientTimesActivation(grid, forward.activations(), gradient);
    }
    List<FactorGroup> factors = options.groups() == 0 ? List.of()
        : NeuronGroups.of(forward.activations(), attribution.gradients(), grid.positions(),
            grid.channels(), options.groups(), options.seed());
    Explanation explanation = new Explanation(info.id(), layer, imageName, options.method(),
        classScore(forward.logits(), k), topClasses(forward.logits()), attribution.channels(),
        completeness, grid.width(), grid.height(),
        attribution.positions(ExplainLimits.DICTIONARY_CHANNELS), neuronGroups(factors));
    RgbImage heatmap =
        MapOverlay.over(square, attribution.positionTotals(), grid.width(), grid.height());
    List<RgbImage> groupMaps = factors.stream()
        .map(group -> MapOverlay.over(square, group.map(), grid.width(), grid.height()))
        .toList();
    return new ExplainResult(explanation, heatmap, groupMaps, visualizations(factors));
  }

  private void checkOptions(ExplainOptions options, LayerGrid grid) {
    Integer k = options.classIndex();
    if (k != null && (k < 0 || k >= single.classes())) {
      throw new IllegalArgumentException("class " + k + " is outside model " + info.id() + "'s "
          + single.classes() + " classes (0.." + (single.classes() - 1) + ")");
    }
    if (options.groups() < 0 || options.groups() > grid.channels()) {
      throw new IllegalArgumentException(options.groups() + " groups: layer " + layer + " has "
          + grid.channels() + " channels, groups must be between 0 and that");
    }
    if (options.method() == ExplainMethod.IG && options.igSteps() < 1) {
      throw new IllegalArgumentException("integrated gradients need at least 1 step, not "
          + options.igSteps());
    }
  }

  /** The image as {@code score} sees it; one already at the input size is used as it is. */
  private RgbImage prepared(RgbImage image) {
    int size = info.inputSize();
    return image.width() == size && image.height() == size ? image
        : Resampler.resizeShortSideAndCropCentre(image, size);
  }

  /** The graph that runs integrated gradients' path, built on first use. */
  private AttributionGraph pathGraph() {
    if (path == null) {
      int points = Math.max(1, Math.min(ExplainLimits.DEFAULT_IG_STEPS,
          PATH_BATCH_VALUES / single.grid().elements()));
      path = new AttributionGraph(model, layer, points);
    }
    return path;
  }

  private static int topClass(float[] logits) {
    int best = 0;
    for (int c = 1; c < logits.length; c++) {
      if (logits[c] > logits[best]) {
        best = c;
      }
    }
    return best;
  }

  private ClassScore classScore(float[] logits, int k) {
    return new ClassScore(k, label(k), softmax(logits)[k], logits[k]);
  }

  private List<ClassScore> topClasses(float[] logits) {
    double[] probabilities = softmax(logits);
    return IntStream.range(0, logits.length).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -logits[c]).thenComparing(c -> c))
        .limit(ExplainLimits.TOP_CLASSES)
        .map(c -> new ClassScore(c, label(c), probabilities[c], logits[c]))
        .toList();
  }

  private String label(int index) {
    return index < info.labels().size() ? info.labels().get(index) : Integer.toString(index);
  }

  private static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  private static List<NeuronGroup> neuronGroups(List<FactorGroup> factors) {
    List<NeuronGroup> groups = new ArrayList<>();
    for (int g = 0; g < factors.size(); g++) {
      FactorGroup factor = factors.get(g);
      groups.add(new NeuronGroup(g, factor.attribution(), factor.channels(),
          doubles(factor.direction())));
    }
    return groups;
  }

  /** One {@code direction:LAYER:[...]} objective per group, in the groups' order. */
  private Optional<ObjectiveSpec> visualizations(List<FactorGroup> factors) {
    if (factors.isEmpty()) {
      return Optional.empty();
    }
    List<Objective> directions = factors.stream()
        .<Objective>map(group -> new Direction(layer, doubles(group.direction())))
        .toList();
    return Optional.of(new ObjectiveSpec(directions));
  }

  private static List<Double> doubles(float[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (float v : values) {
      list.add((double) v);
    }
    return list;
  }

  @Override
  public void close() {
    single.close();
    if (path != null) {
      path.close();
    }
  }
}
