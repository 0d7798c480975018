package io.featureviz.api.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it; {@code artifacts} only on {@code GET /v1/jobs/{id}}, {@code
 * thumbnail} only in {@code GET /v1/jobs}: a presigned URL of its newest frame of batch element
 * 0 (the best crop of a dataset search), absent while it has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, JobKind kind, JobStatus status, Progress progress,
    Map<String, Double> objectiveValues, String reason, Request request, Instant createdAt,
    Instant updatedAt, List<Artifact> artifacts, String thumbnail, Links links) {

  public record Progress(int step, Integer steps) {}

  /**
   * What was asked for, defaults filled in; {@code dataset} and {@code top_k} only for a
   * dataset-examples job.
   */
  public record Request(String tenant, String model, String objective, Integer size,
      Integer steps, List<Integer> thresholds, Integer batch, Long seed, Double lr, String param,
      Boolean decorrelate, String transforms,
      @JsonInclude(JsonInclude.Include.NON_NULL) String dataset,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer topK) {}

  /** A stored frame; {@code example} only for a crop of a dataset image. */
  public record Artifact(int step, int batchIndex, @JsonProperty("final") boolean isFinal,
      Double objectiveValue, String url, String objectKey,
      @JsonInclude(JsonInclude.Include.NON_NULL) Example example) {}

  /**
   * The dataset image a crop comes from, with a presigned URL, and the crop's box in its pixels.
   *
   * @param crop {@code [x, y, width, height]}
   */
  public record Example(String image, String imageUrl, Integer imageWidth, Integer imageHeight,
      List<Integer> crop) {}

  public record Links(String self, String events) {

    static Links of(String id) {
      return new Links("/v1/jobs/" + id, "/v1/jobs/" + id + "/events");
    }
  }

  /** The answer to a submission or a cancellation: where to look next. */
  public record Accepted(String id, JobStatus status, Links links) {

    static Accepted of(String id, JobStatus status) {
      return new Accepted(id, status, Links.of(id));
    }
  }

  static JobView of(JobRow job, List<Artifact> artifacts) {
    return of(job, artifacts, null);
  }

  static JobView listed(JobRow job, String thumbnail) {
    return of(job, null, thumbnail);
  }

  private static JobView of(JobRow job, List<Artifact> artifacts, String thumbnail) {
    return new JobView(job.id(), job.kind(), job.status(),
        new Progress(job.progressStep(), job.steps()), job.objectiveValues(), job.reason(),
        new Request(job.tenant(), job.model(), job.objective(), job.size(), job.steps(),
            job.thresholds(), job.batch(), job.seed(), job.lr(), job.param(), job.decorrelate(),
            job.transforms(), job.dataset(), job.topK()),
        job.createdAt(), job.updatedAt(), artifacts, thumbnail, Links.of(job.id()));
  }
}
