package io.featureviz.client.bench;

import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.objective.LayerShape;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The sweep bench's figures as lines: measured channels per hour and the batching gain, then on
 * paper what a GPU worker would do, from the engine's FLOP counts.
 *
 * @param gpuTflops the sustained TFLOP/s assumed for one GPU worker
 * @param gpuWorkers how many GPU workers the second paper figure assumes
 */
public record SweepBenchReport(SweepBench.Result result, int steps, double gpuTflops,
    int gpuWorkers, EngineFlops flops) {

  public void print(PrintStream out) {
    out.println("measured on this machine, " + steps + " steps per channel:");
    for (SweepBench.Timing sweep : result.sweeps()) {
      out.println(format("  sweep of %s, %d worker(s): %d channels in %.1f s = %.0f"
          + " channels/h%s", sweep.workload(), sweep.workers(), sweep.channels(), sweep.seconds(),
          sweep.channelsPerHour(), gain(sweep)));
    }
    for (SweepBench.Timing singles : result.singles()) {
      out.println(format("  single jobs one after another, %s, 1 worker: %d channels in %.1f s"
          + " = %.0f channels/h", singles.workload(), singles.channels(), singles.seconds(),
          singles.channelsPerHour()));
    }
    out.println(format("on paper (./fv bench FLOPs at batch 1; GPU worker assumed to sustain"
        + " %.0f TFLOP/s):", gpuTflops));
    for (SweepBench.Timing sweep : result.sweeps().stream()
        .filter(s -> s.workers() == result.sweeps().get(0).workers()).toList()) {
      SweepWorkload workload = sweep.workload();
      double gflop = flops.gflopPerStep(workload.model(), workload.layer(), workload.size());
      out.println(format("  %s: %.2f GFLOP/step (the CPU here achieved %.1f GFLOP/s in its"
          + " sweep)", workload, gflop, sweep.channels() * steps * gflop / sweep.seconds()));
      paper(out, "the same sweep", sweep.channels(), gflop);
      List<LayerShape> layers = result.layers().get(workload.model());
      // the network up to the deepest spatial layer is nearly all of it: the head is small
      String deepest = layers.stream().filter(l -> l.height() > 1).reduce((a, b) -> b)
          .orElseThrow().name();
      double deepestGflop = flops.gflopPerStep(workload.model(), deepest, workload.size());
      int modelChannels = layers.stream().mapToInt(LayerShape::channels).sum();
      paper(out, format("whole %s (%d layers, each channel costed as %s's %.2f GFLOP/step)",
          workload.model(), layers.size(), deepest, deepestGflop), modelChannels, deepestGflop);
    }
    out.println(format("  (%d workers need fv.jobs with %d partitions or more: docker-compose"
        + " and Kubernetes create it with 12, ./fv up's local stack with %d)", gpuWorkers,
        gpuWorkers, Topics.JOBS_PARTITIONS));
  }

  /** The sweep's rate against the single jobs of its workload: the batching gain. */
  private String gain(SweepBench.Timing sweep) {
    return result.singles().stream().filter(s -> s.workload().equals(sweep.workload()))
        .findFirst().map(s -> format(", %.2fx single jobs",
            sweep.channelsPerHour() / s.channelsPerHour())).orElse("");
  }

  private void paper(PrintStream out, String what, int channels, double gflopPerStep) {
    double secondsOnOne = channels * steps * gflopPerStep / (gpuTflops * 1000);
    out.println(format("    %s: %d channels, 1 GPU worker %s (%.0f channels/h), %d: %s", what,
        channels, duration(secondsOnOne), channels * 3600 / secondsOnOne, gpuWorkers,
        duration(secondsOnOne / gpuWorkers)));
  }

  private static String duration(double seconds) {
    return seconds < 120 ? format("%.1f s", seconds)
        : seconds < 7200 ? format("%.1f min", seconds / 60) : format("%.1f h", seconds / 3600);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
