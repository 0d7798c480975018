package io.featureviz.api.sweeps;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;
import java.util.List;

/**
 * A sweep as the API shows it. {@code artifacts} (one per channel with its image, URLs that
 * download without credentials) and {@code examples.jobs} only on {@code GET /v1/sweeps/{id}};
 * {@code channels}: the ranges as asked, absent for every channel; {@code reason}: why the
 * render shards that failed did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepView(String id, String model, SweepStatus status, List<LayerProgress> layers,
    int channelsTotal, int channelsDone, int channelsReused, boolean allLayers,
    String channels, SweepSettings settings, Examples examples, String reason,
    Instant createdAt, Instant updatedAt, List<Artifact> artifacts, Links links) {

  /** Progress of one layer of the sweep. */
  public record LayerProgress(String layer, int channelsTotal, int channelsDone) {}

  /** A channel's image: the final frame of element {@code batch_index} of job {@code job_id}. */
  public record Artifact(String layer, int channel, String url, String jobId, int batchIndex,
      boolean reused) {}

  /** The dataset searches of the sweep, one per channel of a layer with positions. */
  public record Examples(String dataset, int topK,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<Search> jobs) {}

  /** One channel's search: a dataset-examples job ({@code GET /v1/jobs/{job_id}}). */
  public record Search(String layer, int channel, String jobId, JobStatus status) {}

  public record Links(String self, String events) {

    static Links of(String id) {
      return new Links("/v1/sweeps/" + id, "/v1/sweeps/" + id + "/events");
    }
  }
}
