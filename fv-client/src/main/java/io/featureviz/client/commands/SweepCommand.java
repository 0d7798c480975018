package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.contracts.render.ChannelRanges;
import io.featureviz.client.sweeps.SweepResult;
import io.featureviz.client.sweeps.SweepSpec;
import io.featureviz.client.sweeps.SweepWaiter;
import io.featureviz.client.sweeps.SweepsClient;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.render.NumberRange;
import io.featureviz.contracts.render.RenderLimits;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sweep", description = "Submits a sweep to the API: one image per channel of"
    + " --layer (repeatable) or of every layer, rendered by the workers in shard jobs; channels"
    + " already rendered with the same settings are reused. With --wait follows it with a progress"
    + " bar (channels done) and prints the result (status, counts, presigned artifact URLs);"
    + " --follow ID does the same for a sweep submitted before.")
public final class SweepCommand implements Callable<Integer> {

  @Spec
  CommandSpec command;

  @Option(names = "--model", description = "Model id, e.g. inception_v3 (required unless"
      + " --follow).")
  String model;

  @Option(names = "--layer", paramLabel = "LAYER", description = "A layer to sweep; repeatable.")
  List<String> layers;

  @Option(names = "--all-layers", description = "Every layer of the model that has channels.")
  boolean allLayers;

  @Option(names = "--channels", paramLabel = "RANGES",
      description = "Channels of each layer, e.g. 0-63,100 (default: all).")
  String channels;

  @Option(names = "--size") Integer size;
  @Option(names = "--steps") Integer steps;
  @Option(names = "--seed") Long seed;

  @Option(names = "--examples", description = "Also the dataset examples of every channel.")
  boolean examples;

  @Option(names = "--examples-dataset", paramLabel = "ID", description = "--examples: the image"
      + " set (default " + DatasetExamplesSpec.DEFAULT_DATASET + ").")
  String examplesDataset;

  @Option(names = "--top-k", description = "--examples: how many per channel (default "
      + DatasetExamplesSpec.DEFAULT_TOP_K + ").")
  Integer topK;

  @Mixin
  ApiOptions api;

  @Option(names = "--wait", description = "Follow the sweep with a progress bar on stderr until it ends.")
  boolean await;

  @Option(names = "--follow", paramLabel = "ID", description = "Follow a sweep submitted before"
      + " (./fv sweeps lists them) as --wait does, instead of submitting one.")
  String follow;

  @Option(names = "--json", description = "One line of JSON (default: indented).")
  boolean oneLine;

  @Override
  public Integer call() {
    SweepsClient client = new SweepsClient(api.url(), api.key());
    if (follow != null) {
      if (model != null || layers != null || allLayers || channels != null || size != null
          || steps != null || seed != null || examples || await) {
        throw usage("--follow takes an existing sweep: no --model, sweep options or --wait");
      }
      return waitFor(client, follow, client.get(follow).path("channels_total").asInt());
    }
    SweepSpec spec = spec();
    JsonNode accepted = client.submit(spec);
    String id = accepted.path("id").asText();
    if (!await) {
      System.out.println(oneLine ? Json.write(accepted, true) : id);
      return 0;
    }
    return waitFor(client, id, accepted.path("channels_total").asInt());
  }

  /** A bar of channels done until the sweep ends, then its result; 0 when it succeeded. */
  private int waitFor(SweepsClient client, String id, int channelsTotal) {
    SweepResult result;
    try (ProgressBarListener bar = ProgressBarListener.forSweep(id.substring(0, 8),
        channelsTotal)) {
      result = new SweepWaiter(client).await(id, bar);
    }
    System.out.println(Json.write(result, oneLine));
    return result.succeeded() ? 0 : 1;
  }

  /** The request, or a usage error (exit status 2) before anything is sent. */
  private SweepSpec spec() {
    if (model == null) {
      throw usage("--model is required (or --follow ID)");
    }
    if (allLayers == (layers != null)) {
      throw usage("give either --layer (one or more) or --all-layers");
    }
    if (channels != null) {
      try {
        ChannelRanges.parse(channels);
      } catch (IllegalArgumentException e) {
        throw usage("--channels: " + e.getMessage());
      }
    }
    check("--steps", steps, RenderLimits.STEPS);
    check("--seed", seed, RenderLimits.SEED);
    if (!examples && (examplesDataset != null || topK != null)) {
      throw usage("--examples-dataset and --top-k need --examples");
    }
    check("--top-k", topK, DatasetExamplesSpec.TOP_K);
    SweepSpec spec = SweepSpec.of(model, allLayers ? SweepSpec.ALL_LAYERS : layers)
        .withChannels(channels).withRender(size, steps, seed);
    return examples ? spec.withExamples(new SweepSpec.Examples(
        examplesDataset != null ? examplesDataset : DatasetExamplesSpec.DEFAULT_DATASET,
        topK != null ? topK : DatasetExamplesSpec.DEFAULT_TOP_K)) : spec;
  }

  /** A given option's value outside its range is a usage error; the size's range is the model's. */
  private void check(String option, Number value, NumberRange range) {
    if (value != null) {
      range.refusal(option, value).ifPresent(message -> {
        throw usage(message);
      });
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(command.commandLine(), message);
  }
}
