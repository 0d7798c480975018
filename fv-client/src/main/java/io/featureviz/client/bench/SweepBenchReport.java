package io.featureviz.client.bench;

import io.featureviz.contracts.messages.Topics;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
      out.println(format("  sweep  %-50s %d worker(s): %3d channels in %7.1f s = %7.1f"
          + " channels/h%s", sweep.workload(), sweep.workers(), sweep.channels(), sweep.seconds(),
          sweep.channelsPerHour(), gain(sweep)));
    }
    for (SweepBench.Timing singles : result.singles()) {
      out.println(format("  single jobs one after another, %-30s %3d channels in %7.1f s ="
          + " %7.1f channels/h", singles.workload(), singles.channels(), singles.seconds(),
          singles.channelsPerHour()));
    }
    out.println(format("on paper (./fv bench FLOPs at batch 1; GPU worker assumed to sustain"
        + " %.0f TFLOP/s):", gpuTflops));
    for (SweepBench.Timing sweep : result.sweeps().stream()
        .filter(s -> s.workers() == result.sweeps().get(0).workers()).toList()) {
      SweepWorkload workload = sweep.workload();
      double gflop = flops.gflopPerStep(workload.model(), workload.layer(), workload.size());
      out.println(format("  %-50s %.2f GFLOP/step (CPU here achieved %.1f GFLOP/s in the"
          + " sweep)", workload, gflop, sweep.channels() * steps * gflop / sweep.seconds()));
      paper(out, "the same sweep", sweep.channels(), gflop);
      Map<String, Integer> layers = result.layers().get(workload.model());
      String deepest = List.copyOf(layers.keySet()).get(layers.size() - 1);
      double deepestGflop = flops.gflopPerStep(workload.model(), deepest, workload.size());
      int modelChannels = layers.values().stream().mapToInt(Integer::intValue).sum();
      paper(out, format("whole %s (%d layers, each channel at most %s's %.2f GFLOP/step)",
          workload.model(), layers.size(), deepest, deepestGflop), modelChannels, deepestGflop);
    }
    out.println(format("  (%d workers only if fv.jobs has at least %d partitions; it has %d, so"
        + " at most %d workers take part today)", gpuWorkers, gpuWorkers, Topics.JOBS_PARTITIONS,
        Math.min(gpuWorkers, Topics.JOBS_PARTITIONS)));
  }

  /** The sweep's rate against the single jobs of its workload: the batching gain. */
  private String gain(SweepBench.Timing sweep) {
    return result.singles().stream().filter(s -> s.workload().equals(sweep.workload()))
        .findFirst().map(s -> format(", %.2fx single jobs",
            sweep.channelsPerHour() / s.channelsPerHour())).orElse("");
  }

  private void paper(PrintStream out, String what, int channels, double gflopPerStep) {
    double secondsOnOne = channels * steps * gflopPerStep / (gpuTflops * 1000);
    out.println(format("    %s: %d channels, 1 GPU worker %.1f min (%.0f channels/h), %d: %.1f"
        + " min", what, channels, secondsOnOne / 60, channels * 3600 / secondsOnOne, gpuWorkers,
        secondsOnOne / gpuWorkers / 60));
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
