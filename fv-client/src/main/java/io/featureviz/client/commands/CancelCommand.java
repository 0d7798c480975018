package io.featureviz.client.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.Json;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.client.sweeps.SweepsClient;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "cancel", description = "Cancels a sweep or a job by its id: what has not run"
    + " yet never runs, and a running job stops at its next step. Exit status 2 when the API"
    + " refuses (no such sweep or job, or a job already finished).")
public final class CancelCommand implements Callable<Integer> {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @Spec
  CommandSpec command;

  @Parameters(paramLabel = "ID", description = "A sweep's or a job's id, as ./fv sweeps, ./fv"
      + " sweep or ./fv submit printed it.")
  String id;

  @Mixin
  ApiOptions api;

  @Option(names = "--json", description = "The API's answer as one line of JSON (default: a"
      + " line saying what was cancelled).")
  boolean json;

  @Override
  public Integer call() {
    if (!UUID.matcher(id).matches()) {
      throw new ParameterException(command.commandLine(),
          "ID must be a sweep's or a job's id (a UUID), got '" + id + "'");
    }
    // Sweep and job ids are both UUIDs and never the same, so the id names one or the other.
    JsonNode answer;
    String line;
    try {
      answer = new SweepsClient(api.url(), api.key()).cancel(id);
      line = "sweep " + id + ": " + answer.path("status").asText();
    } catch (ApiProblemException notSweep) {
      if (notSweep.status() != 404) {
        throw notSweep;
      }
      answer = cancelJob();
      line = "job " + id + ": cancellation requested (it was "
          + answer.path("status").asText() + ")";
    }
    System.out.println(json ? Json.write(answer, true) : line);
    return 0;
  }

  private JsonNode cancelJob() {
    try {
      return new JobsClient(api.url(), api.key()).cancel(id);
    } catch (ApiProblemException notJob) {
      if (notJob.status() != 404) {
        throw notJob;
      }
      throw new ApiProblemException(404, null, "no sweep or job " + id);
    }
  }
}
