package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.jobs.ExamplesSpec;
import io.featureviz.client.jobs.JobBody;
import io.featureviz.client.jobs.JobResult;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.jobs.JobWaiter;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.contracts.render.NumberRange;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.contracts.render.RenderLimits;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "submit", description = "Submits a job to the API: a render (of --objective, or"
    + " with --interpolate A B an interpolation between two objectives), or with --kind"
    + " dataset_examples the images of a dataset that excite one channel most; with --wait follows"
    + " it and prints the result (status, objective values, presigned artifact URLs) as JSON.")
public final class SubmitCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "Model id, e.g. inception_v3, mobilenet_v2.")
  String model;

  @Option(names = "--objective",
      description = "Objective, e.g. mixed4:97 or softmax:goldfish; ';' gives one per batch element.")
  String objective;

  @Option(names = "--interpolate", arity = "2", paramLabel = "OBJECTIVE",
      description = "Render instead of --objective an interpolation from the first objective to"
          + " the second, e.g. --interpolate mixed4:97 mixed4:143; the batch is its frames.")
  List<String> interpolate;

  @Option(names = "--frames", description = "--interpolate: how many images, both ends included"
      + " (default " + InterpolationSpec.DEFAULT_FRAMES + ").")
  Integer frames;

  @Option(names = "--kind", defaultValue = "render",
      description = "render (default) or dataset_examples.")
  String kind;

  @Option(names = "--dataset", description = "dataset_examples: the image set (default "
      + DatasetExamplesSpec.DEFAULT_DATASET + ").")
  String dataset;

  @Option(names = "--top-k", description = "dataset_examples: how many examples (default "
      + DatasetExamplesSpec.DEFAULT_TOP_K + ").")
  Integer topK;

  @Spec
  CommandSpec command;

  @Option(names = "--size") Integer size;
  @Option(names = "--steps") Integer steps;
  @Option(names = "--thresholds", split = ",", description = "Steps that emit frames, e.g. 64,128.")
  List<Integer> thresholds;
  @Option(names = "--batch") Integer batch;
  @Option(names = "--seed") Long seed;
  @Option(names = "--lr") Double lr;
  @Option(names = "--param", description = "fft or pixel.") String param;
  @Option(names = "--no-decorrelate", description = "Optimize in RGB, not in decorrelated colors.")
  boolean noDecorrelate;
  @Option(names = "--transforms", description = "standard, none or a transform list.")
  String transforms;

  @Mixin
  ApiOptions api;

  @Option(names = "--wait", description = "Follow the job with a progress bar on stderr until it ends.")
  boolean await;

  @Option(names = "--json", description = "One line of JSON (default: indented).")
  boolean oneLine;

  @Override
  public Integer call() {
    JobBody body = spec();
    JobsClient client = new JobsClient(api.url(), api.key());
    JsonNode accepted = client.submit(body);
    if (!await) {
      System.out.println(Json.write(accepted, oneLine));
      return 0;
    }
    String id = accepted.path("id").asText();
    JobResult result;
    try (ProgressBarListener bar =
        ProgressBarListener.forJob(id.substring(0, 8), stepsOrDefault())) {
      result = new JobWaiter(client).await(id, bar);
    }
    System.out.println(Json.write(result, oneLine));
    return "SUCCEEDED".equals(result.status()) ? 0 : 1;
  }

  private JobBody spec() {
    return switch (kind) {
      case "render" -> {
        refuseUnless(dataset == null && topK == null, "--dataset and --top-k");
        checkRenderRanges();
        yield new JobSpec(model, objective, size, steps, thresholds, batch, seed, lr, param,
            noDecorrelate ? Boolean.FALSE : null, transforms, interpolation());
      }
      case ExamplesSpec.KIND -> {
        requireObjective();
        refuseUnless(interpolate == null && frames == null
            && size == null && steps == null && thresholds == null && batch == null
            && seed == null && lr == null && param == null && !noDecorrelate
            && transforms == null, "the render options");
        check("--top-k", topK, DatasetExamplesSpec.TOP_K);
        yield new ExamplesSpec(model, objective, dataset, topK);
      }
      default -> throw new ParameterException(command.commandLine(),
          "--kind must be render or " + ExamplesSpec.KIND + ", not '" + kind + "'");
    };
  }

  /**
   * The interpolation of {@code --interpolate} and {@code --frames}, or null; it takes the place
   * of {@code --objective} and {@code --batch}.
   */
  private InterpolationSpec interpolation() {
    if (interpolate == null) {
      if (frames != null) {
        throw new ParameterException(command.commandLine(), "--frames needs --interpolate");
      }
      requireObjective();
      return null;
    }
    if (objective != null || batch != null) {
      throw new ParameterException(command.commandLine(),
          "--interpolate takes the place of --objective and --batch; give none of them with it");
    }
    check("--frames", frames, InterpolationSpec.FRAMES);
    try {
      return new InterpolationSpec(interpolate.get(0), interpolate.get(1),
          frames != null ? frames : InterpolationSpec.DEFAULT_FRAMES);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--interpolate: " + e.getMessage());
    }
  }

  private void requireObjective() {
    if (objective == null) {
      throw new ParameterException(command.commandLine(), "--objective is required"
          + ("render".equals(kind) ? " (or --interpolate A B)" : ""));
    }
  }

  /**
   * The ranges that do not depend on the model, refused here with exit status 2 before anything
   * is sent; the size's range is the model's, which the API checks (its 400 exits 2 as well).
   */
  private void checkRenderRanges() {
    check("--steps", steps, RenderLimits.STEPS);
    check("--batch", batch, RenderLimits.BATCH);
    check("--seed", seed, RenderLimits.SEED);
    check("--lr", lr, RenderLimits.LEARNING_RATE);
    if (thresholds != null) {
      // --steps is in range by now
      NumberRange range = RenderLimits.thresholds(stepsOrDefault());
      thresholds.forEach(step -> check("--thresholds", step, range));
    }
  }

  /** A given option's value outside its range is a usage error. */
  private void check(String option, Number value, NumberRange range) {
    if (value != null) {
      range.refusal(option, value).ifPresent(message -> {
        throw new ParameterException(command.commandLine(), message);
      });
    }
  }

  private void refuseUnless(boolean condition, String options) {
    if (!condition) {
      throw new ParameterException(command.commandLine(),
          options + " do not apply to --kind " + kind);
    }
  }

  /** The bar's length until the first event says it: the API's default. */
  private int stepsOrDefault() {
    return steps != null ? steps : RenderDefaults.STEPS;
  }
}
