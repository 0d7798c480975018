package io.featureviz.api.jobs;

import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.storage.Presigner;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/** Submitting, reading and cancelling jobs; the REST resource only maps HTTP onto this. */
@ApplicationScoped
public class JobService {

  private static final Logger LOG = Logger.getLogger(JobService.class);

  private final JobRepository repository;
  private final JobPublisher publisher;
  private final Presigner presigner;
  private final MeterRegistry registry;

  JobService(JobRepository repository, JobPublisher publisher, Presigner presigner,
      MeterRegistry registry) {
    this.repository = repository;
    this.publisher = publisher;
    this.presigner = presigner;
    this.registry = registry;
  }

  /**
   * Records the job, then publishes it and its QUEUED event. The row comes first so that a
   * client polling right after the 202 finds the job; if publishing fails the row is removed.
   */
  public JobRequest submit(JobRequest request) throws SQLException {
    repository.insert(request);
    try {
      publisher.publish(request);
    } catch (RuntimeException e) {
      LOG.errorf(e, "could not publish job %s", request.id());
      repository.delete(request.id());
      throw new ProblemException(503, "bus-unavailable", "Job not submitted",
          "the job could not be published; try again", List.of());
    }
    publisher.publish(JobEvent.status(request.id(), JobStatus.QUEUED, null, null, 0,
        request.steps()));
    registry.counter("fv.api.jobs.submitted", "model", request.model()).increment();
    return request;
  }

  public JobView get(String id) throws SQLException {
    JobRow job = repository.find(id).orElseThrow(() -> ProblemException.jobNotFound(id));
    return JobView.of(job, repository.frames(id).stream().map(this::artifact).toList());
  }

  public JobView.Artifact artifact(FrameRow frame) {
    return new JobView.Artifact(frame.step(), frame.batchIndex(), frame.isFinal(),
        frame.objectiveValue(), presigner.downloadUrl(frame.objectKey()), frame.objectKey());
  }

  /** A page of jobs and the cursor of the next page, null on the last one. */
  public record Page(List<JobView> items, String next) {}

  public Page list(JobFilter filter, PageCursor after, int limit) throws SQLException {
    // One row more than asked tells whether there is a next page without a count query.
    List<JobRow> rows = repository.list(filter, after, limit + 1);
    List<JobRow> page = rows.subList(0, Math.min(limit, rows.size()));
    String next = rows.size() > limit ? PageCursor.after(page.get(page.size() - 1)).encode() : null;
    return new Page(page.stream().map(job -> JobView.of(job, null)).toList(), next);
  }

  /** Asks the worker running the job to stop; the worker then reports CANCELLED. */
  public JobStatus cancel(String id, String reason) throws SQLException {
    JobRow job = repository.find(id).orElseThrow(() -> ProblemException.jobNotFound(id));
    if (job.status().isTerminal()) {
      throw new ProblemException(409, "job-finished", "Job already finished",
          "job " + id + " is " + job.status() + " and cannot be cancelled", List.of());
    }
    publisher.publish(JobEvent.cancelRequested(id, reason));
    return job.status();
  }
}
