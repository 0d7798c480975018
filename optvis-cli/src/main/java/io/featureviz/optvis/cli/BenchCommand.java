package io.featureviz.optvis.cli;

import io.featureviz.contracts.render.NumberRange;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import io.featureviz.optvis.bench.BenchResult;
import io.featureviz.optvis.bench.Benchmark;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time render steps against the network's own forward and backward pass.")
final class BenchCommand implements Callable<Integer> {

  /** Unmeasured steps: none, or as many as a render may have. */
  private static final NumberRange WARMUP = NumberRange.integers(0, RenderLimits.MAX_STEPS);

  /** Enough traced steps for stable per-kernel means; tracing costs about a step's time. */
  static final int TRACED_STEPS = 20;

  @Spec
  CommandSpec command;

  @Option(names = "--model", required = true, paramLabel = "ID|PATH")
  String model;

  @Option(names = "--size", defaultValue = "224", description = "Image side (${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--batch", defaultValue = "1", description = "Batch (${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--steps", defaultValue = "50", description = "Measured steps (${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "5", description = "Unmeasured steps first (${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--objective", paramLabel = "SPEC",
      description = "Objective (default: channel 0 of the middle layer).")
  String objective;

  @Option(names = "--transforms", defaultValue = RenderDefaults.TRANSFORMS,
      paramLabel = "standard|none|LIST")
  String transforms;

  @Option(names = "--param", defaultValue = RenderDefaults.PARAM, paramLabel = "fft|pixel")
  String param;

  @Option(names = "--redirect-relu-steps",
      defaultValue = "" + RenderDefaults.REDIRECT_RELU_STEPS, paramLabel = "N",
      description = "Steps with redirected ReLU gradients; they run untimed before the"
          + " measured steps, which show the steady state (${DEFAULT-VALUE}).")
  int redirectReluSteps;

  @Mixin
  EngineFolders folders;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(names = "--breakdown", description = "Then trace " + TRACED_STEPS + " steps and as"
      + " many network passes, and print where the time around the network goes, by kernel"
      + " (JSON: overhead_by_op_ms).")
  boolean breakdown;

  @Override
  public Integer call() {
    OptionRanges.check(command, "--batch", batch, RenderLimits.BATCH);
    OptionRanges.check(command, "--steps", steps, RenderLimits.STEPS);
    OptionRanges.check(command, "--warmup", warmup, WARMUP);
    OptionRanges.check(command, "--redirect-relu-steps", redirectReluSteps,
        RenderLimits.REDIRECT_RELU_STEPS);
    ImageModel loaded = folders.catalog().load(model);
    OptionRanges.check(command, "--size", size, RenderLimits.size(loaded.info().inputSize()));
    RenderSpec defaults = Benchmark.defaultSpec(loaded, size, batch);
    RenderSpec spec = new RenderSpec(
        objective == null ? defaults.objective() : ObjectiveSpec.parse(objective), size, batch,
        1, List.of(), 0, RenderDefaults.LEARNING_RATE,
        ImageParameterization.of(param, RenderDefaults.DECORRELATE, RenderDefaults.CLIP,
            RenderDefaults.DECAY_POWER), TransformList.parse(transforms),
        redirectReluSteps);
    BenchResult result = Benchmark.run(loaded, spec, steps, warmup,
        breakdown ? TRACED_STEPS : 0);
    if (json) {
      System.out.println(Json.line(result));
    } else {
      System.out.println(String.format(Locale.ROOT,
          "%s %dpx batch %d: %.1f ms/step (%.2f steps/s), network alone %.1f ms, overhead %.1f%%,"
              + " %.2f GFLOP/step, %.1f GFLOP/s, peak RSS %d MB",
          result.model(), size, batch, result.msPerStep(), result.stepsPerSecond(),
          result.forwardBackwardMs(), result.overheadPct(), result.gflopPerStep(),
          result.achievedGflops(), result.peakRssMb()));
      if (result.overheadByOpMs() != null) {
        System.out.println("around the network, by kernel (traced ms/step; % of the network"
            + " alone; shared: kernels the network runs too, render less network):");
        result.overheadByOpMs().forEach((kernel, ms) -> System.out.println(String.format(
            Locale.ROOT, "  %-32s %6.3f ms %5.1f%%", kernel, ms,
            100 * ms / result.forwardBackwardMs())));
      }
    }
    return 0;
  }
}
