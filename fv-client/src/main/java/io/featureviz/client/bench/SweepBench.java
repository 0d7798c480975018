package io.featureviz.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.jobs.JobResult;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.jobs.JobWaiter;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.client.models.ModelsClient;
import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackPorts;
import io.featureviz.client.stack.StackSettings;
import io.featureviz.client.stack.StackState;
import io.featureviz.client.sweeps.SweepResult;
import io.featureviz.client.sweeps.SweepWaiter;
import io.featureviz.client.sweeps.SweepsClient;
import io.featureviz.contracts.objective.LayerShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sweeps measured through local stacks of 1, 2, ... workers, and the same channels as single jobs
 * submitted one after another (on the first stack): channels per hour of each.
 */
public final class SweepBench {

  /** Steps of the unmeasured sweep that builds each worker's graphs first. */
  private static final int WARMUP_STEPS = 2;

  /** A measured sweep, or ({@code workers} 0) the single jobs one after another. */
  public record Timing(SweepWorkload workload, int workers, int channels, double seconds) {

    public double channelsPerHour() {
      return channels * 3600 / seconds;
    }
  }

  /** What the bench saw: timings, and each model's layers with channels, for the paper. */
  public record Result(List<Timing> sweeps, List<Timing> singles,
      Map<String, List<LayerShape>> layers) {}

  private final StackSettings base;
  private final Consumer<String> log;
  private final int steps;
  /** Every sweep gets a seed of its own, so that none reuses the images of another. */
  private final AtomicLong seeds = new AtomicLong(System.currentTimeMillis() % 1_000_000_000);

  public SweepBench(StackSettings base, Consumer<String> log, int steps) {
    this.base = base;
    this.log = log;
    this.steps = steps;
  }

  /** @param singles channels of each workload to render as single jobs (0: none) */
  public Result run(List<SweepWorkload> workloads, List<Integer> workerCounts, int singles) {
    List<Timing> sweeps = new ArrayList<>();
    List<Timing> singleJobs = new ArrayList<>();
    Map<String, List<LayerShape>> layers = new LinkedHashMap<>();
    for (int workers : workerCounts) {
      LocalStack stack = new LocalStack(new StackSettings(base.repoRoot(), base.stateDir(),
          base.modelsDir(), StackPorts.free(), workers), log);
      StackState state = stack.start();
      try {
        SweepsClient client = new SweepsClient(state.apiUrl(), state.apiKey());
        for (SweepWorkload workload : workloads) {
          layers.computeIfAbsent(workload.model(), model -> layers(state, model));
          sweep(client, workload, WARMUP_STEPS, seeds.incrementAndGet());
          long seed = seeds.incrementAndGet();
          long start = System.nanoTime();
          SweepResult swept = sweep(client, workload, steps, seed);
          sweeps.add(new Timing(workload, workers, swept.channelsTotal(), since(start)));
          log.accept(sweeps.get(sweeps.size() - 1).toString());
          if (singleJobs.size() < workloads.size() && singles > 0) {
            singleJobs.add(singles(state, workload, swept, singles, seed));
            log.accept(singleJobs.get(singleJobs.size() - 1).toString());
          }
        }
      } finally {
        stack.stop();
      }
    }
    return new Result(sweeps, singleJobs, layers);
  }

  private SweepResult sweep(SweepsClient client, SweepWorkload workload, int sweepSteps,
      long seed) {
    String id = client.submit(workload.sweep(sweepSteps, seed)).path("id").asText();
    SweepResult result = new SweepWaiter(client).await(id, (name, data) -> { });
    if (!result.succeeded() || result.channelsReused() > 0) {
      throw new IllegalStateException("bench sweep " + id + " of " + workload + " ended "
          + result.status() + " with " + result.channelsReused() + " channel(s) reused");
    }
    return result;
  }

  /** The first {@code count} channels of the sweep again, one job after another. */
  private Timing singles(StackState state, SweepWorkload workload, SweepResult swept, int count,
      long seed) {
    JobsClient client = new JobsClient(state.apiUrl(), state.apiKey());
    List<Integer> channels = swept.artifacts().stream().map(SweepResult.Artifact::channel)
        .sorted().limit(count).toList();
    // a lone job runs on a graph of its own batch shape: built before the clock starts
    single(client, workload.single(channels.get(0), WARMUP_STEPS, seed));
    long start = System.nanoTime();
    for (int channel : channels) {
      single(client, workload.single(channel, steps, seed));
    }
    return new Timing(workload, 0, channels.size(), since(start));
  }

  private static void single(JobsClient client, JobSpec job) {
    String id = client.submit(job).path("id").asText();
    JobResult result = new JobWaiter(client).await(id, (name, data) -> { });
    if (!"SUCCEEDED".equals(result.status())) {
      throw new IllegalStateException("bench job " + id + " ended " + result.status());
    }
  }

  /** The model's layers with channels, in the order the API lists them. */
  private static List<LayerShape> layers(StackState state, String model) {
    List<LayerShape> layers = new ArrayList<>();
    for (JsonNode layer : new ModelsClient(state.apiUrl(), state.apiKey()).get(model)
        .path("layers")) {
      if (layer.path("channels").asInt() > 0) {
        layers.add(new LayerShape(layer.path("name").asText(), layer.path("channels").asInt(),
            layer.path("height").asInt(), layer.path("width").asInt()));
      }
    }
    return layers;
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
