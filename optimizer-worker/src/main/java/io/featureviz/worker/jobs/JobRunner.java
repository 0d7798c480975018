package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.objective.ObjectiveProblem;
import io.featureviz.contracts.objective.ObjectiveValidator;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelCatalog.UnknownModelException;
import io.featureviz.optvis.render.NonFiniteObjectiveException;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.models.ModelStore;
import io.featureviz.worker.publish.EventPublisher;
import io.featureviz.worker.publish.PublishException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
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
  private final JobRendering rendering;
  private final DatasetExamplesJob examples;
  private final ExplainJob explanations;
  private final Cancellations cancellations;
  private final EventPublisher events;
  private final String worker;
  private final long progressIntervalNanos;
  private final MeterRegistry registry;

  JobRunner(ModelStore models, JobRendering rendering, DatasetExamplesJob examples,
      ExplainJob explanations, Cancellations cancellations, EventPublisher events,
      WorkerIdentity identity, WorkerConfig config, MeterRegistry registry) {
    this.models = models;
    this.rendering = rendering;
    this.examples = examples;
    this.explanations = explanations;
    this.cancellations = cancellations;
    this.events = events;
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
      if (outcome.explanation() != null) {
        status(job, JobEvent.explained(job.id(), outcome.explanation(), worker,
            outcome.stepsDone(), request.steps()));
      } else {
        status(job, outcome.status(), outcome.reason(), outcome.stepsDone());
      }
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
    Optional<String> unfit = objectiveProblems(job, model);
    if (unfit.isPresent()) {
      return JobOutcome.failed(unfit.get());
    }
    ProgressThrottle progress = new ProgressThrottle(job.id(), job.request().steps(), worker,
        events, progressIntervalNanos);
    try {
      return switch (job.request().kind()) {
        case RENDER -> rendering.render(job, model, job.objective(), job.request().batch(),
            IntUnaryOperator.identity(), cancel, progress);
        case DATASET_EXAMPLES -> examples.run(job, model, cancel, progress);
        case EXPLAIN -> explanations.run(job, model, cancel, progress);
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

  /** What does not fit the model in the job's objective; an explain job has none to check. */
  private static Optional<String> objectiveProblems(DecodedJob job, ImageModel model) {
    if (job.objective() == null) {
      return Optional.empty();
    }
    List<ObjectiveProblem> problems = ObjectiveValidator.validate(job.objective(),
        model.info().catalogView(), job.request().batch());
    return problems.isEmpty() ? Optional.empty() : Optional.of("invalid objective for model "
        + model.info().id() + ": "
        + problems.stream().map(ObjectiveProblem::toString).collect(Collectors.joining("; ")));
  }

  private void status(DecodedJob job, JobStatus status, String reason, int stepsDone) {
    status(job, JobEvent.status(job.id(), status, reason, worker, stepsDone,
        job.request().steps()));
  }

  private void status(DecodedJob job, JobEvent event) {
    events.status(event);
    if (event.status().isTerminal()) {
      registry.counter("fv.worker.jobs", "status", event.status().name().toLowerCase())
          .increment();
    }
  }
}
