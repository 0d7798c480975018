package io.featureviz.client.sweeps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished sweep as {@code sweep --wait} prints it.
 *
 * @param artifacts each channel's final image; the URLs are presigned, so they download as they are
 */
public record SweepResult(String id, String status, int channelsTotal, int channelsDone,
    int channelsReused, List<Artifact> artifacts) {

  public static final String SUCCEEDED = "succeeded";

  public record Artifact(String layer, int channel, String url) {}

  public static SweepResult of(JsonNode sweep) {
    List<Artifact> artifacts = new ArrayList<>();
    for (JsonNode a : sweep.path("artifacts")) {
      artifacts.add(new Artifact(a.path("layer").asText(), a.path("channel").asInt(),
          a.path("url").asText()));
    }
    return new SweepResult(sweep.path("id").asText(), sweep.path("status").asText(),
        sweep.path("channels_total").asInt(), sweep.path("channels_done").asInt(),
        sweep.path("channels_reused").asInt(), artifacts);
  }

  public boolean succeeded() {
    return SUCCEEDED.equals(status);
  }
}
