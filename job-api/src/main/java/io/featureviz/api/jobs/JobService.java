package io.featureviz.api.jobs;

import io.featureviz.api.problems.ProblemException;
import io.featureviz.api.quotas.TenantQuotas;
import io.featureviz.api.storage.Presigner;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Submitting, reading and cancelling jobs; the REST resource only maps HTTP onto this. */
@ApplicationScoped
public class JobService {

  private static final Logger LOG = Logger.getLogger(JobService.class);
  /** Jobs take seconds to minutes; retrying sooner than this would mostly be refused again. */
  private static final long ACTIVE_JOBS_RETRY_SECONDS = 30;

  private final JobRepository repository;
  private final JobPublisher publisher;
  private final Presigner presigner;
  private final MeterRegistry registry;
  private final TenantQuotas quotas;

  JobService(JobRepository repository, JobPublisher publisher, Presigner presigner,
      MeterRegistry registry, TenantQuotas quotas) {
    this.repository = repository;
    this.publisher = publisher;
    this.presigner = presigner;
    this.registry = registry;
    this.quotas = quotas;
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

  /**
   * Refuses (429) a tenant with its {@code max-active-jobs} jobs queued or running; two
   * submissions at the same moment may both pass the count, overshooting by one or two.
   */
  public void checkActiveJobs(String tenant) throws SQLException {
    int maxActiveJobs = quotas.maxActiveJobs(tenant);
    if (repository.countActive(tenant) >= maxActiveJobs) {
      throw ProblemException.tooManyRequests(
          "at most " + maxActiveJobs + " jobs may be queued or running at once",
          ACTIVE_JOBS_RETRY_SECONDS);
    }
  }

  public JobView get(String id, String tenant) throws SQLException {
    JobRow job = owned(id, tenant);
    return JobView.of(job, repository.frames(id).stream().map(this::artifact).toList());
  }

  public JobView.Artifact artifact(FrameRow frame) {
    JobView.Example example = frame.sourceKey() == null ? null
        : new JobView.Example(frame.sourceImage(), presigner.downloadUrl(frame.sourceKey()),
            frame.sourceWidth(), frame.sourceHeight(), frame.crop());
    return new JobView.Artifact(frame.step(), frame.batchIndex(), frame.isFinal(),
        frame.objectiveValue(), presigner.downloadUrl(frame.objectKey()), frame.objectKey(),
        example);
  }

  /** A page of jobs and the cursor of the next page, null on the last one. */
  public record Page(List<JobView> items, String next) {}

  public Page list(String tenant, JobFilter filter, PageCursor after, int limit)
      throws SQLException {
    // One row more than asked tells whether there is a next page without a count query.
    List<JobRow> rows = repository.list(tenant, filter, after, limit + 1);
    List<JobRow> page = rows.subList(0, Math.min(limit, rows.size()));
    String next = rows.size() > limit ? PageCursor.after(page.get(page.size() - 1)).encode() : null;
    Map<String, String> thumbnails = repository.thumbnails(page.stream().map(JobRow::id).toList());
    return new Page(page.stream().map(job -> JobView.listed(job,
        thumbnails.containsKey(job.id()) ? presigner.downloadUrl(thumbnails.get(job.id())) : null))
        .toList(), next);
  }

  /** Asks the worker running the job to stop; the worker then reports CANCELLED. */
  public JobStatus cancel(String id, String tenant, String reason) throws SQLException {
    JobRow job = owned(id, tenant);
    if (job.status().isTerminal()) {
      throw new ProblemException(409, "job-finished", "Job already finished",
          "job " + id + " is " + job.status() + " and cannot be cancelled", List.of());
    }
    publisher.publish(JobEvent.cancelRequested(id, reason));
    return job.status();
  }

  /** The tenant's job; 404, not 403, for another tenant's, so ids do not reveal jobs. */
  public JobRow owned(String id, String tenant) throws SQLException {
    return repository.findOwned(id, tenant).orElseThrow(() -> ProblemException.jobNotFound(id));
  }
}
