package io.featureviz.api.jobs;

import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.render.InterpolationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code jobs}. Request fields are null while only the job's events have been seen;
 * {@code dataset} and {@code topK} are a dataset-examples job's, {@code explain} and
 * {@code explanation} (once it succeeded) an explain job's, {@code interpolate} an
 * interpolating render's.
 */
public record JobRow(String id, String tenant, JobKind kind, String model, String objective,
    String layer, Integer channel, Integer size, Integer steps, Integer batch, Long seed,
    Double lr, String param, Boolean decorrelate, String transforms, List<Integer> thresholds,
    String dataset, Integer topK, ExplainSpec explain, InterpolationSpec interpolate,
    JobStatus status, int progressStep, Double lastObjectiveValue,
    Map<String, Double> objectiveValues, String reason, Explanation explanation,
    Instant createdAt, Instant updatedAt) {

  /**
   * How many final frames a successful job ends with: one per batch element of a render (an
   * explain job's batch counts its heatmap, group maps and group visualizations), one per
   * example kept of a dataset search (fewer when the dataset has fewer images); null while the
   * request is unknown.
   */
  public Integer finalFrames() {
    if (kind == JobKind.DATASET_EXAMPLES) {
      return topK == null || steps == null ? null : Math.min(topK, steps);
    }
    return batch;
  }
}
