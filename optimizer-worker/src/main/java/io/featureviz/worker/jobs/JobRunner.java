package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.objective.ObjectiveProblem;
import io.featureviz.contracts.objective.ObjectiveValidator;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.ModelCatalog.UnknownModelException;
import io.featureviz.optvis.render.NonFiniteObjectiveException;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.jobs.Cancellations.CancelFlag;
import io.featureviz.worker.jobs.JobRendering.PackMember;
import io.featureviz.worker.models.ModelStore;
import io.featureviz.worker.publish.EventPublisher;
import io.featureviz.worker.publish.PublishException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Renders a job, or a pack of render jobs, each from RUNNING to exactly one terminal status. A
 * job that cannot be rendered ends FAILED with the reason; only a failure to reach Kafka
 * escapes, as {@link PublishException}.
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

  /**
   * Runs a job that renders alone: dataset examples, an explanation, an interpolation.
   *
   * @throws JobAbandonedException when the worker shut down mid-job; the job is not finished
   */
  void run(DecodedJob job) {
    RunningJob running = start(job);
    try {
      end(running, outcome(running)).ifPresent(abandoned -> {
        throw abandoned;
      });
    } finally {
      release(running);
    }
  }

  /**
   * Runs render jobs that share their model and render settings as one pack (see
   * {@link JobRendering#renderPack}); one whose settings or objective do not fit its model fails
   * alone before the pack renders.
   *
   * @return for each job, in order, why it did not end when the worker shut down mid-job
   */
  List<Optional<JobAbandonedException>> runPack(List<DecodedJob> jobs) {
    List<RunningJob> running = jobs.stream().map(this::start).toList();
    try {
      List<Optional<JobAbandonedException>> ends =
          new ArrayList<>(Collections.nCopies(jobs.size(), Optional.empty()));
      List<Integer> live = new ArrayList<>();
      for (int i = 0; i < running.size(); i++) {
        if (running.get(i).cancel().userRequested()) {
          ends.set(i, end(running.get(i), JobOutcome.cancelled(0)));
        } else {
          live.add(i);
        }
      }
      if (live.isEmpty()) {
        return ends;
      }
      LoadedModel loaded = load(jobs.get(0));
      if (loaded.failure() != null) {
        live.forEach(i -> ends.set(i, end(running.get(i), loaded.failure())));
        return ends;
      }
      ImageModel model = loaded.model();
      List<PackMember> members = new ArrayList<>();
      List<Integer> memberIndices = new ArrayList<>();
      for (int i : live) {
        RunningJob job = running.get(i);
        Optional<String> unfit = objectiveProblems(job.job(), model);
        if (unfit.isPresent()) {
          ends.set(i, end(job, JobOutcome.failed(unfit.get())));
          continue;
        }
        try {
          members.add(new PackMember(job.job(),
              JobRendering.spec(job.job(), model.info().inputSize()), job.cancel(),
              job.progress()));
          memberIndices.add(i);
        } catch (IllegalArgumentException e) {
          ends.set(i, end(job, JobOutcome.failed("invalid job settings: " + e.getMessage())));
        }
      }
      if (!members.isEmpty()) {
        renderPack(model, members, (outcome, m) -> {
          int i = memberIndices.get(m);
          ends.set(i, end(running.get(i), outcome));
        });
      }
      return ends;
    } finally {
      running.forEach(this::release);
    }
  }

  /** A job from RUNNING on: its cancel flag and its progress events. */
  private record RunningJob(DecodedJob job, CancelFlag cancel, ProgressThrottle progress) {}

  /**
   * A job cancelled while it was queued goes from QUEUED to CANCELLED without RUNNING, and with
   * no model loaded: a cancelled sweep leaves thousands of such jobs in the queue.
   */
  private RunningJob start(DecodedJob job) {
    CancelFlag cancel = cancellations.register(job.id());
    if (!cancel.userRequested()) {
      status(job, JobStatus.RUNNING, null, 0);
    }
    return new RunningJob(job, cancel, new ProgressThrottle(job.id(),
        job.request().steps(), worker, events, progressIntervalNanos));
  }

  /** Publishes the job's terminal status; a job stopped by the worker's shutdown has none. */
  private Optional<JobAbandonedException> end(RunningJob running, JobOutcome outcome) {
    DecodedJob job = running.job();
    if (outcome.status() == JobStatus.CANCELLED && !running.cancel().userRequested()) {
      return Optional.of(new JobAbandonedException(job.id(), outcome.stepsDone()));
    }
    if (outcome.explanation() != null) {
      status(job, JobEvent.explained(job.id(), outcome.explanation(), worker,
          outcome.stepsDone(), job.request().steps()));
    } else {
      status(job, outcome.status(), outcome.reason(), outcome.stepsDone());
    }
    LOG.infof("job %s %s after %d of %d steps%s", job.id(), outcome.status(),
        outcome.stepsDone(), job.request().steps(),
        outcome.reason() == null ? "" : ": " + outcome.reason());
    return Optional.empty();
  }

  private void release(RunningJob running) {
    cancellations.release(running.job().id(), running.cancel());
  }

  /** Every failure but one to publish becomes a FAILED outcome: the worker carries on. */
  private JobOutcome outcome(RunningJob running) {
    DecodedJob job = running.job();
    if (running.cancel().userRequested()) {
      return JobOutcome.cancelled(0);
    }
    LoadedModel loaded = load(job);
    if (loaded.failure() != null) {
      return loaded.failure();
    }
    ImageModel model = loaded.model();
    Optional<String> unfit = objectiveProblems(job, model);
    if (unfit.isPresent()) {
      return JobOutcome.failed(unfit.get());
    }
    try {
      return switch (job.request().kind()) {
        case RENDER -> rendering.render(job, model, job.objective(), job.request().batch(),
            IntUnaryOperator.identity(), running.cancel(), running.progress());
        case DATASET_EXAMPLES -> examples.run(job, model, running.cancel(), running.progress());
        case EXPLAIN -> explanations.run(job, model, running.cancel(), running.progress());
      };
    } catch (PublishException e) {
      throw e;
    } catch (NonFiniteObjectiveException e) {
      return JobOutcome.failed(e.getMessage());
    } catch (RuntimeException e) {
      return failure(job, e);
    }
  }

  /**
   * Renders the pack, each member ended (its status published) as soon as it ends; a failure of
   * the whole pack fails the members still rendering.
   */
  private void renderPack(ImageModel model, List<PackMember> members,
      ObjIntConsumer<JobOutcome> ended) {
    boolean[] done = new boolean[members.size()];
    try {
      rendering.renderPack(model, members, (outcome, m) -> {
        done[m] = true;
        ended.accept(outcome, m);
      });
    } catch (PublishException e) {
      throw e;
    } catch (RuntimeException e) {
      JobOutcome failed = failure(members.get(0).job(), e);
      for (int m = 0; m < members.size(); m++) {
        if (!done[m]) {
          ended.accept(failed, m);
        }
      }
    }
  }

  private static JobOutcome failure(DecodedJob job, RuntimeException e) {
    LOG.errorf(e, "job %s: %s failed", job.id(), job.request().kind().wireName());
    return JobOutcome.failed(job.request().kind().wireName().replace('_', ' ') + " failure: "
        + e.getMessage());
  }

  /** A job's model, or the FAILED outcome of a model that does not load. */
  private record LoadedModel(ImageModel model, JobOutcome failure) {}

  private LoadedModel load(DecodedJob job) {
    try {
      return new LoadedModel(models.load(job.request().model()), null);
    } catch (UnknownModelException e) {
      return new LoadedModel(null, JobOutcome.failed("unknown model: " + e.getMessage()));
    } catch (RuntimeException e) {
      LOG.errorf(e, "job %s: model %s did not load", job.id(), job.request().model());
      return new LoadedModel(null, JobOutcome.failed("model load failure: " + e.getMessage()));
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
