package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.render.PackedResult;
import io.featureviz.optvis.render.RenderGraphCache;
import io.featureviz.optvis.render.RenderListener;
import io.featureviz.optvis.render.RenderPack;
import io.featureviz.optvis.render.RenderResult;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.publish.FramePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;

/**
 * Renders a batch with a job's render settings: render jobs' own objectives (packed), an
 * interpolation, or an explain job's group visualizations. Frames, progress events and
 * cancellation are the same for all.
 */
@ApplicationScoped
public class JobRendering {

  private final FramePublisher frames;
  private final RenderGraphCache graphs;

  JobRendering(FramePublisher frames, RenderGraphCache graphs) {
    this.frames = frames;
    this.graphs = graphs;
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
    RenderResult result = graphs.render(model, spec, new JobRenderListener(job, spec.size(),
        batchIndex, cancel, frames, progress, ended -> { }));
    return result.cancelled()
        ? JobOutcome.cancelled(result.stepsDone())
        : JobOutcome.succeeded(result.stepsDone());
  }

  /**
   * Renders render jobs as one pack ({@link RenderPack}), each with its own objective, batch,
   * seed, frames, progress and cancellation; a lone job is a pack of one, so that its bytes do
   * not depend on what else was queued.
   *
   * @param ended hears each member's outcome (and its index) as soon as the member ends: one
   *     cancelled, or whose objective went non-finite (failed), ends while the others go on
   */
  void renderPack(ImageModel model, List<PackMember> members, ObjIntConsumer<JobOutcome> ended) {
    List<RenderListener> listeners = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      PackMember member = members.get(i);
      int index = i;
      listeners.add(new JobRenderListener(member.job(), member.spec().size(),
          IntUnaryOperator.identity(), member.cancel(), frames, member.progress(),
          result -> ended.accept(outcome(result), index)));
    }
    graphs.render(model, new RenderPack(members.stream().map(PackMember::spec).toList()),
        listeners);
  }

  /** A render job of a pack, with its spec and what follows it while it renders. */
  record PackMember(DecodedJob job, RenderSpec spec, CancelFlag cancel,
      ProgressThrottle progress) {}

  private static JobOutcome outcome(PackedResult packed) {
    if (packed.failure() != null) {
      return JobOutcome.failed(packed.failure().getMessage());
    }
    RenderResult result = packed.result();
    return result.cancelled()
        ? JobOutcome.cancelled(result.stepsDone())
        : JobOutcome.succeeded(result.stepsDone());
  }

  /**
   * A render job's own spec, its size the model's input size when the request leaves it 0.
   *
   * @throws IllegalArgumentException when the job's settings are invalid
   */
  static RenderSpec spec(DecodedJob job, int modelInputSize) {
    return spec(job, job.objective(), job.request().batch(), modelInputSize);
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
