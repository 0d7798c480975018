package io.featureviz.optvis.bench;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.render.RenderGraph;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.runtime.NativeKernels;
import io.featureviz.optvis.runtime.TensorFlowRuntime;
import io.featureviz.optvis.transform.TransformList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.RunMetadata;

/**
 * Times render steps against the network's own forward and backward pass. Native loading and
 * graph construction happen before the clock starts and are reported separately.
 */
public final class Benchmark {

  private Benchmark() {}

  /** A channel of the middle layer with lucid's standard settings. */
  public static RenderSpec defaultSpec(ImageModel model, int size, int batch) {
    return new RenderSpec(ObjectiveSpec.parse(middleLayer(model) + ":0"), size, batch, 1,
        List.of(), 0, RenderDefaults.LEARNING_RATE, ImageParameterization.STANDARD,
        TransformList.STANDARD);
  }

  /**
   * Times {@code steps} steps of {@code template} (its own step count is ignored), then traces
   * {@code tracedSteps} more, and as many network passes, for {@link OverheadByOp}'s breakdown
   * (none where 0).
   */
  public static BenchResult run(ImageModel model, RenderSpec template, int steps, int warmup,
      int tracedSteps) {
    long loadStart = System.nanoTime();
    String device = TensorFlowRuntime.ensureLoaded() + " " + TensorFlowRuntime.nativeClassifier()
        + (NativeKernels.loaded() ? " fv-kernels" : "");
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    ObjectiveSpec objective = template.objective();
    int batch = template.batch();
    int size = template.size();
    RenderSpec spec = new RenderSpec(objective, size, batch,
        steps + warmup + tracedSteps + template.redirectReluSteps(), List.of(),
        template.seed(), template.learningRate(), template.param(), template.transforms(),
        template.redirectReluSteps());
    long buildStart = System.nanoTime();
    try (RenderGraph render = new RenderGraph(model, spec);
        NetworkGradientGraph network = new NetworkGradientGraph(model, objective, batch,
            render.networkInputSize())) {
      double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
      // Steady state: after the redirected-ReLU steps, and after the warm-up of the ordinary
      // train op, whose first run builds its executor.
      int unmeasured = warmup + spec.redirectReluSteps();
      for (int i = 0; i < unmeasured; i++) {
        render.step(i);
        network.run();
      }
      // Interleaved, so that both see the same machine load.
      long stepNanos = 0;
      long networkNanos = 0;
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        render.step(unmeasured + i);
        long t1 = System.nanoTime();
        network.run();
        long t2 = System.nanoTime();
        stepNanos += t1 - t0;
        networkNanos += t2 - t1;
      }
      List<RunMetadata> renderTraces = new ArrayList<>();
      List<RunMetadata> networkTraces = new ArrayList<>();
      for (int i = 0; i < tracedSteps; i++) {
        renderTraces.add(render.traceStep(unmeasured + steps + i));
        networkTraces.add(network.trace());
      }
      double msPerStep = stepNanos / 1e6 / steps;
      double networkMs = networkNanos / 1e6 / steps;
      double gflop = FlopCounter.count(render.trainOperation()) / 1e9;
      return new BenchResult(model.info().id(), objective.toGrammar(), size, batch, steps,
          render.networkInputSize(), round(msPerStep), round(1000 / msPerStep), round(networkMs),
          round(100 * (msPerStep - networkMs) / networkMs), round(gflop),
          round(gflop / (msPerStep / 1000)), peakRssMb(), round(loadSeconds),
          round(buildSeconds), device,
          tracedSteps > 0 ? OverheadByOp.between(renderTraces, networkTraces) : null);
    }
  }

  /** The middle exposed layer with at least 32 channels: a typical visualization target. */
  static String middleLayer(ImageModel model) {
    List<LayerInfo> candidates = model.info().layers().stream()
        .filter(l -> l.channels() >= 32 && l.height() > 1).toList();
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("model " + model.info().id() + " has no spatial layer"
          + " with at least 32 channels to benchmark");
    }
    return candidates.get(candidates.size() / 2).name();
  }

  /** Peak resident set size of this process (VmHWM), in MiB; 0 where /proc is missing. */
  static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
