package io.featureviz.worker.jobs;

/** The worker stopped a job because it is shutting down; the job stays uncommitted for redelivery. */
final class JobAbandonedException extends RuntimeException {

  JobAbandonedException(String jobId, int stepsDone) {
    super("job " + jobId + " abandoned at step " + stepsDone + " by shutdown");
  }
}
