package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.objective.ObjectiveProblem;
import io.featureviz.contracts.objective.ObjectiveValidator;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelCatalog.UnknownModelException;
import io.featureviz.optvis.render.NonFiniteObjectiveException;
import io.featureviz.optvis.render.RenderResult;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.render.RenderGraphCache;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.models.ModelStore;
import io.featureviz.worker.publish.EventPublisher;
import io.featureviz.worker.publish.FramePublisher;
import io.featureviz.worker.publish.PublishException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Renders one job from RUNNING to exactly one terminal status. A job that cannot be rendered
 * ends FAILED with the reason; only a failure to reach Kafka escapes, as {@link PublishException}.
 */
@ApplicationScoped
public class JobRunner {

  private static final Logger LOG = Logger.getLogger(JobRunner.class);

  private final ModelStore models;
  private final DatasetExamplesJob examples;
  private final Cancellations cancellations;
  private final EventPublisher events;
  private final FramePublisher frames;
  private final String worker;
  private final long progressIntervalNanos;
  private final MeterRegistry registry;
  private final RenderGraphCache graphs;

  JobRunner(ModelStore models, DatasetExamplesJob examples, Cancellations cancellations,
      EventPublisher events, FramePublisher frames, WorkerIdentity identity, WorkerConfig config,
      MeterRegistry registry, RenderGraphCache graphs) {
    this.graphs = graphs;
    this.models = models;
    this.examples = examples;
    this.cancellations = cancellations;
    this.events = events;
    this.frames = frames;
    this.worker = identity.id();
    this.progressIntervalNanos = config.progressInterval().toNanos();
    this.registry = registry;
  }

  /** @throws JobAbandonedException when the worker shut down mid-job; the job is not finished */
  void run(DecodedJob job) {
    JobRequest request = job.request();
    status(job, JobStatus.RUNNING, null, 0);
    CancelFlag cancel = cancellations.register(job.id());
    try {
      JobOutcome outcome = run(job, cancel);
      if (outcome.status() == JobStatus.CANCELLED && !cancel.userRequested()) {
        throw new JobAbandonedException(job.id(), outcome.stepsDone());
      }
      status(job, outcome.status(), outcome.reason(), outcome.stepsDone());
      LOG.infof("job %s %s after %d of %d steps%s", job.id(), outcome.status(),
          outcome.stepsDone(), request.steps(),
          outcome.reason() == null ? "" : ": " + outcome.reason());
    } finally {
      cancellations.release(job.id(), cancel);
    }
  }

  /** Every failure but one to publish becomes a FAILED outcome: the worker carries on. */
  private JobOutcome run(DecodedJob job, CancelFlag cancel) {
    ImageModel model;
    try {
      model = models.load(job.request().model());
    } catch (UnknownModelException e) {
      return JobOutcome.failed("unknown model: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.errorf(e, "job %s: model %s did not load", job.id(), job.request().model());
      return JobOutcome.failed("model load failure: " + e.getMessage());
    }
    List<ObjectiveProblem> problems = ObjectiveValidator.validate(job.objective(),
        model.info().catalogView(), job.request().batch());
    if (!problems.isEmpty()) {
      return JobOutcome.failed("invalid objective for model " + model.info().id() + ": "
          + problems.stream().map(ObjectiveProblem::toString).collect(Collectors.joining("; ")));
    }
    ProgressThrottle progress = new ProgressThrottle(job.id(), job.request().steps(), worker,
        events, progressIntervalNanos);
    try {
      return switch (job.request().kind()) {
        case RENDER -> render(job, model, cancel, progress);
        case DATASET_EXAMPLES -> examples.run(job, model, cancel, progress);
        case EXPLAIN -> JobOutcome.failed("this worker cannot run explain jobs yet");
      };
    } catch (PublishException e) {
      throw e;
    } catch (NonFiniteObjectiveException e) {
      return JobOutcome.failed(e.getMessage());
    } catch (RuntimeException e) {
      LOG.errorf(e, "job %s: %s failed", job.id(), job.request().kind().wireName());
      return JobOutcome.failed(job.request().kind().wireName().replace('_', ' ') + " failure: "
          + e.getMessage());
    }
  }

  private JobOutcome render(DecodedJob job, ImageModel model, CancelFlag cancel,
      ProgressThrottle progress) {
    RenderSpec spec;
    try {
      spec = spec(job, model.info().inputSize());
    } catch (IllegalArgumentException e) {
      return JobOutcome.failed("invalid job settings: " + e.getMessage());
    }
    RenderResult result = graphs.render(model, spec,
        new JobRenderListener(job, spec.size(), cancel, frames, progress));
    return result.cancelled()
        ? JobOutcome.cancelled(result.stepsDone())
        : JobOutcome.succeeded(result.stepsDone());
  }

  private static RenderSpec spec(DecodedJob job, int modelInputSize) {
    JobRequest request = job.request();
    return new RenderSpec(job.objective(), request.size() > 0 ? request.size() : modelInputSize,
        request.batch(), request.steps(), request.effectiveThresholds(), request.seed(),
        request.lr(), job.param(), job.transforms());
  }

  private void status(DecodedJob job, JobStatus status, String reason, int stepsDone) {
    events.status(JobEvent.status(job.id(), status, reason, worker, stepsDone,
        job.request().steps()));
    if (status.isTerminal()) {
      registry.counter("fv.worker.jobs", "status", status.name().toLowerCase()).increment();
    }
  }
}
