package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.JobStatus;

/** How a job ended on this worker, and how far it got. */
record JobOutcome(JobStatus status, String reason, int stepsDone) {

  static JobOutcome failed(String reason) {
    return new JobOutcome(JobStatus.FAILED, reason, 0);
  }

  static JobOutcome succeeded(int stepsDone) {
    return new JobOutcome(JobStatus.SUCCEEDED, null, stepsDone);
  }

  static JobOutcome cancelled(int stepsDone) {
    return new JobOutcome(JobStatus.CANCELLED, "cancelled by request", stepsDone);
  }
}
