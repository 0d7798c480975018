package io.featureviz.contracts.messages;

import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.contracts.render.RenderDefaults;
import java.util.List;

/**
 * A render job as published on {@link Topics#JOBS}. The job API fills in the
 * {@link RenderDefaults} for settings the submitter left out, so a published request
 * is complete; consumers treat a missing {@code param} or {@code transforms} as the default.
 *
 * @param v schema version, {@link Messages#VERSION}
 * @param id job id (also the Kafka key)
 * @param tenant owner of the job and its images
 * @param model catalog id or uploaded model id
 * @param objective objective in the grammar of {@code io.featureviz.contracts.objective}
 * @param size image side in pixels; 0 means the model's input size
 * @param thresholds steps at which a frame is emitted; the last step always emits the final one
 * @param param {@code fft} or {@code pixel}
 * @param transforms {@code standard}, {@code none} or a transform list
 * @param submittedAt epoch milliseconds
 * @param kind what the job computes; missing means {@link JobKind#RENDER}
 * @param examples the dataset search of a {@link JobKind#DATASET_EXAMPLES} job, else null. Such a
 *     job reads {@code model} and {@code objective} (one channel); {@code steps} is the number of
 *     images to score, the one threshold, and the render settings are unused
 * @param explain what an {@link JobKind#EXPLAIN} job explains, else null
 * @param interpolate for a render that interpolates between two objectives, else null; then
 *     {@code objective} is {@link InterpolationSpec#objective()} and {@code batch} its frames
 */
public record JobRequest(
    int v,
    String id,
    String tenant,
    String model,
    String objective,
    int size,
    int steps,
    List<Integer> thresholds,
    int batch,
    long seed,
    double lr,
    String param,
    boolean decorrelate,
    String transforms,
    long submittedAt,
    JobKind kind,
    DatasetExamplesSpec examples,
    ExplainSpec explain,
    InterpolationSpec interpolate) {

  public JobRequest {
    thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    kind = kind == null ? JobKind.RENDER : kind;
  }

  /** A render job. */
  public JobRequest(int v, String id, String tenant, String model, String objective, int size,
      int steps, List<Integer> thresholds, int batch, long seed, double lr, String param,
      boolean decorrelate, String transforms, long submittedAt) {
    this(v, id, tenant, model, objective, size, steps, thresholds, batch, seed, lr, param,
        decorrelate, transforms, submittedAt, JobKind.RENDER, null, null, null);
  }

  /** The thresholds to use: the given ones, or {@link RenderDefaults#defaultThresholds}. */
  public List<Integer> effectiveThresholds() {
    return thresholds.isEmpty() ? RenderDefaults.defaultThresholds(steps) : thresholds;
  }
}
