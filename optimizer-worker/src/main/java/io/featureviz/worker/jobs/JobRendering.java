package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.render.RenderResult;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.render.Renderer;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.publish.FramePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.IntUnaryOperator;

/**
 * Renders a batch with a job's render settings: a render job's own objective, or an explain
 * job's group visualizations. Frames, progress events and cancellation are the same for both.
 */
@ApplicationScoped
public class JobRendering {

  private final FramePublisher frames;

  JobRendering(FramePublisher frames) {
    this.frames = frames;
  }

  /**
   * Renders {@code objective} over {@code batch} images (an interpolation when the request asks
   * for one) with the request's size, steps, thresholds, seed, learning rate, parameterization
   * and transforms.
   *
   * @param batchIndex the frames' batch index for each rendered image
   */
  JobOutcome render(DecodedJob job, ImageModel model, ObjectiveSpec objective, int batch,
      IntUnaryOperator batchIndex, CancelFlag cancel, ProgressThrottle progress) {
    RenderSpec spec;
    try {
      spec = spec(job, objective, batch, model.info().inputSize());
    } catch (IllegalArgumentException e) {
      return JobOutcome.failed("invalid job settings: " + e.getMessage());
    }
    RenderResult result = Renderer.render(model, spec,
        new JobRenderListener(job, spec.size(), batchIndex, cancel, frames, progress));
    return result.cancelled()
        ? JobOutcome.cancelled(result.stepsDone())
        : JobOutcome.succeeded(result.stepsDone());
  }

  private static RenderSpec spec(DecodedJob job, ObjectiveSpec objective, int batch,
      int modelInputSize) {
    JobRequest request = job.request();
    RenderSpec spec = new RenderSpec(objective,
        request.size() > 0 ? request.size() : modelInputSize, batch, request.steps(),
        request.effectiveThresholds(), request.seed(), request.lr(), job.param(),
        job.transforms());
    return request.interpolate() == null ? spec : spec.interpolating(request.interpolate());
  }
}
