package io.featureviz.client.commands;

import io.featureviz.client.bench.EngineFlops;
import io.featureviz.client.bench.SweepBench;
import io.featureviz.client.bench.SweepBenchReport;
import io.featureviz.client.bench.SweepWorkload;
import io.featureviz.client.stack.StackPorts;
import io.featureviz.client.stack.StackSettings;
import io.featureviz.contracts.render.ChannelRanges;
import io.featureviz.contracts.render.RenderLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sweep-bench", description = "Starts stacks of its own (free ports, state in"
    + " --state) with each --workers count and sweeps inception_v3 mixed4 channels 0-63 and the"
    + " whole mobilenet_v2 layer --mobilenet-layer through them; on the first, the same channels"
    + " as single jobs one after another. Prints channels per hour, the batching gain, and on"
    + " paper (the FLOPs ./fv bench counts) the same sweeps and whole-model sweeps on GPU workers.")
public final class SweepBenchCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Option(names = "--state", defaultValue = ".fv/sweep-bench", description = "Default: ${DEFAULT-VALUE}.")
  Path stateDir;

  @Option(names = "--steps", defaultValue = "256", description = "Steps per channel (${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--size", defaultValue = "128", description = "Image side (${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--channels", paramLabel = "RANGES", description = "Channels of both layers"
      + " instead, e.g. 0-3 for a quick run (default: mixed4 0-63, the mobilenet_v2 layer whole).")
  String channels;

  @Option(names = "--mobilenet-layer", defaultValue = "expanded_conv_12/add",
      description = "The mobilenet_v2 layer swept whole (${DEFAULT-VALUE}).")
  String mobilenetLayer;

  @Option(names = "--workers", split = ",", defaultValue = "1,2",
      description = "Worker counts, a stack each (${DEFAULT-VALUE}).")
  List<Integer> workers;

  @Option(names = "--singles", defaultValue = "8", description = "Channels of each sweep"
      + " rendered again as single jobs for the batching gain (${DEFAULT-VALUE}; 0: none).")
  int singles;

  @Option(names = "--gpu-tflops", defaultValue = "50", description = "Sustained TFLOP/s assumed"
      + " for one GPU worker on paper (${DEFAULT-VALUE}: about a tenth of an H100's dense TF32"
      + " peak, as small images in packs of 8 leave most of it idle).")
  double gpuTflops;

  @Option(names = "--gpu-workers", defaultValue = "8", description = "GPU workers of the second"
      + " paper figure (${DEFAULT-VALUE}).")
  int gpuWorkers;

  @Override
  public Integer call() {
    RenderLimits.STEPS.refusal("--steps", steps).ifPresent(this::refuse);
    if (channels != null) {
      try {
        ChannelRanges.parse(channels);
      } catch (IllegalArgumentException e) {
        refuse("--channels: " + e.getMessage());
      }
    }
    if (workers.stream().anyMatch(count -> count < 1) || singles < 0 || gpuWorkers < 1
        || !(gpuTflops > 0)) {
      refuse("--workers and --gpu-workers must be at least 1, --singles at least 0,"
          + " --gpu-tflops above 0");
    }
    List<SweepWorkload> workloads = List.of(
        new SweepWorkload("inception_v3", "mixed4", channels != null ? channels : "0-63", size),
        new SweepWorkload("mobilenet_v2", mobilenetLayer, channels, size));
    StackSettings defaults = StackSettings.forRepository(Path.of("").toAbsolutePath());
    StackSettings base = new StackSettings(defaults.repoRoot(), stateDir, defaults.modelsDir(),
        StackPorts.free(), 1);
    SweepBench.Result result = new SweepBench(base, line -> System.err.println("fv: " + line),
        steps).run(workloads, workers, singles);
    new SweepBenchReport(result, steps, gpuTflops, gpuWorkers,
        new EngineFlops(defaults.repoRoot())).print(System.out);
    return 0;
  }

  private void refuse(String message) {
    throw new ParameterException(command.commandLine(), message);
  }
}
