package io.featureviz.api.jobs;

import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code jobs}. Request fields are null while only the job's events have been seen;
 * {@code dataset} and {@code topK} are a dataset-examples job's.
 */
public record JobRow(String id, String tenant, JobKind kind, String model, String objective,
    String layer, Integer channel, Integer size, Integer steps, Integer batch, Long seed,
    Double lr, String param, Boolean decorrelate, String transforms, List<Integer> thresholds,
    String dataset, Integer topK, JobStatus status, int progressStep, Double lastObjectiveValue,
    Map<String, Double> objectiveValues, String reason, Instant createdAt, Instant updatedAt) {

  /**
   * How many final frames a successful job ends with: one per batch element of a render, one
   * per example kept of a dataset search (fewer when the dataset has fewer images); null while
   * the request is unknown.
   */
  public Integer finalFrames() {
    if (kind == JobKind.DATASET_EXAMPLES) {
      return topK == null || steps == null ? null : Math.min(topK, steps);
    }
    return batch;
  }
}
