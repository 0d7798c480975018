package io.featureviz.optvis.cli;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.contracts.render.NumberRange;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The optimization settings shared by every command that renders, each refused outside its
 * {@link RenderLimits} range as the job API refuses it.
 */
final class EngineOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--size", paramLabel = "N",
      description = "Image side in pixels (default: the model's input size).")
  Integer size;

  @Option(names = "--steps", defaultValue = "" + RenderDefaults.STEPS,
      description = "Optimization steps (${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--thresholds", split = ",", paramLabel = "STEP",
      description = "Steps at which to save an image (default: steps/4, steps/2, steps).")
  List<Integer> thresholds;

  @Option(names = "--batch", defaultValue = "" + RenderDefaults.BATCH,
      description = "Images optimized together (${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--seed", defaultValue = "" + RenderDefaults.SEED,
      description = "Random seed (${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lr", defaultValue = "" + RenderDefaults.LEARNING_RATE,
      description = "Adam learning rate (${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--param", defaultValue = RenderDefaults.PARAM, paramLabel = "fft|pixel",
      description = "Image parameterization (${DEFAULT-VALUE}).")
  String param;

  @Option(names = "--decay-power", defaultValue = "" + RenderDefaults.DECAY_POWER,
      description = "Fourier spectrum decay power (${DEFAULT-VALUE}).")
  float decayPower;

  @Option(names = "--no-decorrelate", description = "Optimize in RGB instead of decorrelated colour.")
  boolean noDecorrelate;

  @Option(names = "--clip", description = "Clip to [0,1] instead of a sigmoid.")
  boolean clip;

  @Option(names = "--transforms", defaultValue = RenderDefaults.TRANSFORMS,
      paramLabel = "standard|none|LIST",
      description = "Transforms each step, e.g. pad(12),jitter(8),scale(0.9..1.1/0.02),"
          + "rotate(-10..10),jitter(4) (${DEFAULT-VALUE}).")
  String transforms;

  @Option(names = "--redirect-relu-steps",
      defaultValue = "" + RenderDefaults.REDIRECT_RELU_STEPS, paramLabel = "N",
      description = "Let ReLU gradients reach dead units for the first N steps; 0 turns it off"
          + " (${DEFAULT-VALUE}).")
  int redirectReluSteps;

  /** Checks every setting whose range does not depend on the model, before it is loaded. */
  void checkRanges() {
    check("--steps", steps, RenderLimits.STEPS);
    check("--batch", batch, RenderLimits.BATCH);
    check("--seed", seed, RenderLimits.SEED);
    check("--lr", learningRate, RenderLimits.LEARNING_RATE);
    check("--decay-power", decayPower, RenderLimits.DECAY_POWER);
    check("--redirect-relu-steps", redirectReluSteps, RenderLimits.REDIRECT_RELU_STEPS);
    if (thresholds != null && RenderLimits.STEPS.contains(steps)) {
      thresholds.forEach(step -> check("--thresholds", step, RenderLimits.thresholds(steps)));
    }
  }

  /** The render of these settings; the size is checked against the model's input size. */
  RenderSpec spec(ObjectiveSpec objective, int modelInputSize) {
    return spec(objective, batch, modelInputSize);
  }

  /** These settings rendering one interpolation: its frames are the batch. */
  RenderSpec spec(InterpolationSpec interpolation, int modelInputSize) {
    return spec(interpolation.objective(), interpolation.frames(), modelInputSize)
        .interpolating(interpolation);
  }

  private RenderSpec spec(ObjectiveSpec objective, int batch, int modelInputSize) {
    if (size != null) {
      check("--size", size, RenderLimits.size(modelInputSize));
    }
    List<Integer> chosen = thresholds == null || thresholds.isEmpty()
        ? RenderDefaults.defaultThresholds(steps) : thresholds;
    return new RenderSpec(objective, size == null ? modelInputSize : size, batch, steps, chosen,
        seed, learningRate, parameterization(), TransformList.parse(transforms),
        redirectReluSteps);
  }

  private void check(String option, Number value, NumberRange range) {
    OptionRanges.check(command, option, value, range);
  }

  ImageParameterization parameterization() {
    return ImageParameterization.of(param, !noDecorrelate, clip, decayPower);
  }
}
