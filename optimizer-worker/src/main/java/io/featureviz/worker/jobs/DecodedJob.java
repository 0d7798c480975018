package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.transform.TransformList;

/**
 * A job request whose every part parsed; whether it fits its model is checked when it runs.
 *
 * @param objective the job's objective; null for an explain job, which has none of its own
 */
record DecodedJob(JobRequest request, ObjectiveSpec objective, ImageParameterization param,
    TransformList transforms) {

  String id() {
    return request.id();
  }

  /**
   * Whether this job renders through a {@code RenderPack}: a render job without interpolation,
   * alone or with others, so that its bytes never depend on what else was queued.
   */
  boolean rendersInPack() {
    return request.kind() == JobKind.RENDER && request.interpolate() == null;
  }
}
