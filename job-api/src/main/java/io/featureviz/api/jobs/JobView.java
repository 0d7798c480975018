package io.featureviz.api.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.render.InterpolationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it; {@code artifacts} only on {@code GET /v1/jobs/{id}}, {@code
 * thumbnail} only in {@code GET /v1/jobs}: a presigned URL of its newest frame of batch element
 * 0 (the best crop of a dataset search, an explanation's heatmap), absent while it has none;
 * {@code explanation}, an explain job's numbers, once it SUCCEEDED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, JobKind kind, JobStatus status, Progress progress,
    Map<String, Double> objectiveValues, String reason, Request request, Instant createdAt,
    Instant updatedAt, List<Artifact> artifacts, String thumbnail, Links links,
    Explanation explanation) {

  public record Progress(int step, Integer steps) {}

  /**
   * What was asked for, defaults filled in; {@code dataset} and {@code top_k} only for a
   * dataset-examples job, {@code explain} for an explain job (whose {@code objective} names its
   * layer, {@code layer:LAYER}, and whose {@code batch} counts its final frames), {@code
   * interpolate} for a render that interpolates (its {@code objective} one per frame).
   */
  public record Request(String tenant, String model, String objective, Integer size,
      Integer steps, List<Integer> thresholds, Integer batch, Long seed, Double lr, String param,
      Boolean decorrelate, String transforms,
      @JsonInclude(JsonInclude.Include.NON_NULL) String dataset,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer topK,
      @JsonInclude(JsonInclude.Include.NON_NULL) Explain explain,
      @JsonInclude(JsonInclude.Include.NON_NULL) InterpolationSpec interpolate) {}

  /**
   * What an explain job explains; {@code dataset} is absent for an uploaded image, {@code
   * class_index} for the model's top-1.
   */
  public record Explain(String image, @JsonInclude(JsonInclude.Include.NON_NULL) String dataset,
      String layer, @JsonInclude(JsonInclude.Include.NON_NULL) Integer classIndex,
      ExplainMethod method, int igSteps, int groups) {

    static Explain of(ExplainSpec spec) {
      return spec == null ? null : new Explain(spec.image(), spec.dataset(), spec.layer(),
          spec.classIndex(), spec.method(), spec.igSteps(), spec.groups());
    }
  }

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
            job.transforms(), job.dataset(), job.topK(), Explain.of(job.explain()),
            job.interpolate()),
        job.createdAt(), job.updatedAt(), artifacts, thumbnail, Links.of(job.id()),
        job.explanation());
  }
}
