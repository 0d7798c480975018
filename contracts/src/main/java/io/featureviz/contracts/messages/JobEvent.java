package io.featureviz.contracts.messages;

import io.featureviz.contracts.explain.Explanation;

/**
 * Something that happened to a job, published on {@link Topics#EVENTS} keyed by job id.
 *
 * @param v schema version
 * @param jobId the job
 * @param type what happened
 * @param status the job's status after the event (null for progress and cancel requests)
 * @param step steps done (progress, frames), else 0
 * @param steps total steps of the job, else 0
 * @param objectiveValue mean objective value at {@code step} (NaN when not applicable)
 * @param reason why a job failed or was cancelled, else null
 * @param worker the worker that emitted the event, else null
 * @param at epoch milliseconds
 * @param explanation an explain job's numbers, on its SUCCEEDED status event only, else null
 */
public record JobEvent(
    int v,
    String jobId,
    Type type,
    JobStatus status,
    int step,
    int steps,
    double objectiveValue,
    String reason,
    String worker,
    long at,
    Explanation explanation) {

  /** Kinds of event. */
  public enum Type {
    /** The job changed status. */
    STATUS,
    /** Optimization progress, emitted a few times per second at most. */
    PROGRESS,
    /** A user asked to cancel the job; the worker running it stops at the next step. */
    CANCEL_REQUESTED
  }

  public static JobEvent status(String jobId, JobStatus status, String reason, String worker,
      int step, int steps) {
    return new JobEvent(Messages.VERSION, jobId, Type.STATUS, status, step, steps, Double.NaN,
        reason, worker, System.currentTimeMillis(), null);
  }

  /** An explain job's success, carrying its numbers to the sink and the job's view. */
  public static JobEvent explained(String jobId, Explanation explanation, String worker,
      int step, int steps) {
    return new JobEvent(Messages.VERSION, jobId, Type.STATUS, JobStatus.SUCCEEDED, step, steps,
        Double.NaN, null, worker, System.currentTimeMillis(), explanation);
  }

  public static JobEvent progress(String jobId, int step, int steps, double objectiveValue,
      String worker) {
    return new JobEvent(Messages.VERSION, jobId, Type.PROGRESS, null, step, steps,
        objectiveValue, null, worker, System.currentTimeMillis(), null);
  }

  public static JobEvent cancelRequested(String jobId, String reason) {
    return new JobEvent(Messages.VERSION, jobId, Type.CANCEL_REQUESTED, null, 0, 0, Double.NaN,
        reason, null, System.currentTimeMillis(), null);
  }
}
