package io.featureviz.client.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A finished job as {@code submit --wait} prints it.
 *
 * @param artifacts every stored frame; the URLs are presigned, so they download as they are
 */
public record JobResult(String id, String status, JsonNode objectiveValues, String reason,
    List<Artifact> artifacts) {

  /** @param example where a dataset example's crop comes from; null for a render's frames */
  public record Artifact(int step, int batchIndex, String url, JsonNode example) {}

  public static JobResult of(JsonNode job) {
    List<Artifact> artifacts = new ArrayList<>();
    for (JsonNode a : job.path("artifacts")) {
      artifacts.add(new Artifact(a.path("step").asInt(), a.path("batch_index").asInt(),
          a.path("url").asText(), a.hasNonNull("example") ? a.get("example") : null));
    }
    return new JobResult(job.path("id").asText(), job.path("status").asText(),
        job.path("objective_values"), job.hasNonNull("reason") ? job.get("reason").asText() : null,
        artifacts);
  }

  /** The last frame of each batch element, in batch order. */
  public List<Artifact> finalFrames() {
    int last = artifacts.stream().mapToInt(Artifact::step).max().orElse(0);
    return artifacts.stream().filter(a -> a.step() == last)
        .sorted(Comparator.comparingInt(Artifact::batchIndex)).toList();
  }
}
