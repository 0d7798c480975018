package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.jobs.JobResult;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.jobs.JobWaiter;
import io.featureviz.client.jobs.JobsClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "submit", description = "Submits a render job to the API; with --wait follows it "
    + "and prints the result (status, objective values, presigned artifact URLs) as JSON.")
public final class SubmitCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "Model id, e.g. inception_v3, mobilenet_v2.")
  String model;

  @Option(names = "--objective", required = true,
      description = "Objective, e.g. mixed4:97 or softmax:goldfish; ';' gives one per batch element.")
  String objective;

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

  @Option(names = "--api", description = "API URL (default: the stack of --state, else http://127.0.0.1:8080).")
  String api;

  @Mixin
  StackOptions options;

  @Option(names = "--wait", description = "Follow the job with a progress bar on stderr until it ends.")
  boolean await;

  @Option(names = "--json", description = "One line of JSON (default: indented).")
  boolean oneLine;

  @Override
  public Integer call() {
    // the key comes from stack.json or FV_API_KEY, never the command line (visible in ps)
    JobsClient client = new JobsClient(api != null ? api : options.apiUrl(), options.apiKey());
    JsonNode accepted = client.submit(spec());
    if (!await) {
      System.out.println(Json.write(accepted, oneLine));
      return 0;
    }
    String id = accepted.path("id").asText();
    JobResult result;
    try (ProgressBarListener bar = new ProgressBarListener(id.substring(0, 8), stepsOrDefault())) {
      result = new JobWaiter(client).await(id, bar);
    }
    System.out.println(Json.write(result, oneLine));
    return "SUCCEEDED".equals(result.status()) ? 0 : 1;
  }

  private JobSpec spec() {
    return new JobSpec(model, objective, size, steps, thresholds, batch, seed, lr, param,
        noDecorrelate ? Boolean.FALSE : null, transforms);
  }

  /** The bar's length until the first event says it; the API's default is 512. */
  private int stepsOrDefault() {
    return steps != null ? steps : 512;
  }
}
