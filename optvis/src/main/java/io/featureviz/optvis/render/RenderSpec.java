package io.featureviz.optvis.render;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;

/**
 * Everything that determines a render. The same spec on the same model and machine gives the
 * same bytes. Its defaults are {@link RenderDefaults} ({@code redirectReluSteps} 0 turns
 * redirected ReLU gradients off). {@code interpolation}, when set, makes the batch one
 * interpolation (its frames share a parameterization and are aligned); its objective is
 * {@link InterpolationSpec#objective()}.
 */
public record RenderSpec(
    ObjectiveSpec objective,
    int size,
    int batch,
    int steps,
    List<Integer> thresholds,
    long seed,
    double learningRate,
    ImageParameterization param,
    TransformList transforms,
    int redirectReluSteps,
    InterpolationSpec interpolation) {

  /**
   * The engine's own bound, above what any job or command line may ask for: those take
   * {@code RenderLimits.size}, at most 4 times the model's input size (1196 px for InceptionV3).
   */
  public static final int MAX_SIZE = 4096;
  public static final int MAX_BATCH = 64;
  public static final int MAX_STEPS = 100_000;

  /** A spec with the default redirected-ReLU period. */
  public RenderSpec(ObjectiveSpec objective, int size, int batch, int steps,
      List<Integer> thresholds, long seed, double learningRate, ImageParameterization param,
      TransformList transforms) {
    this(objective, size, batch, steps, thresholds, seed, learningRate, param, transforms,
        RenderDefaults.REDIRECT_RELU_STEPS);
  }

  /** A spec without interpolation. */
  public RenderSpec(ObjectiveSpec objective, int size, int batch, int steps,
      List<Integer> thresholds, long seed, double learningRate, ImageParameterization param,
      TransformList transforms, int redirectReluSteps) {
    this(objective, size, batch, steps, thresholds, seed, learningRate, param, transforms,
        redirectReluSteps, null);
  }

  /** The same render as one interpolation: its objective and batch are the interpolation's. */
  public RenderSpec interpolating(InterpolationSpec interpolation) {
    return new RenderSpec(interpolation.objective(), size, interpolation.frames(), steps,
        thresholds, seed, learningRate, param, transforms, redirectReluSteps, interpolation);
  }

  public RenderSpec {
    thresholds = List.copyOf(thresholds);
    if (size < 8 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be 8.." + MAX_SIZE + ", got " + size);
    }
    if (batch < 1 || batch > MAX_BATCH) {
      throw new IllegalArgumentException("batch must be 1.." + MAX_BATCH + ", got " + batch);
    }
    if (steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("steps must be 1.." + MAX_STEPS + ", got " + steps);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive and finite, got "
          + learningRate);
    }
    for (int threshold : thresholds) {
      if (threshold < 1 || threshold > steps) {
        throw new IllegalArgumentException(
            "threshold " + threshold + " is outside 1.." + steps + " (the step count)");
      }
    }
    if (thresholds.stream().distinct().count() != thresholds.size()) {
      throw new IllegalArgumentException("thresholds repeat a step: " + thresholds);
    }
    if (redirectReluSteps < 0) {
      throw new IllegalArgumentException("redirected-ReLU steps must be >= 0, got "
          + redirectReluSteps);
    }
    objective.checkBatchSize(batch);
    if (interpolation != null && interpolation.frames() != batch) {
      throw new IllegalArgumentException("an interpolation of " + interpolation.frames()
          + " frames renders a batch of " + interpolation.frames() + ", not " + batch);
    }
  }

  /** The thresholds in ascending order; the last step always yields a final image. */
  public List<Integer> snapshotSteps() {
    java.util.TreeSet<Integer> all = new java.util.TreeSet<>(thresholds);
    all.add(steps);
    return List.copyOf(all);
  }
}
