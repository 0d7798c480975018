package io.featureviz.worker.jobs;

import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.messages.JobStatus;

/**
 * How a job ended on this worker, and how far it got.
 *
 * @param explanation an explain job's numbers when it succeeded, for its SUCCEEDED event; else null
 */
record JobOutcome(JobStatus status, String reason, int stepsDone, Explanation explanation) {

  static JobOutcome failed(String reason) {
    return new JobOutcome(JobStatus.FAILED, reason, 0, null);
  }

  static JobOutcome succeeded(int stepsDone) {
    return new JobOutcome(JobStatus.SUCCEEDED, null, stepsDone, null);
  }

  static JobOutcome explained(int stepsDone, Explanation explanation) {
    return new JobOutcome(JobStatus.SUCCEEDED, null, stepsDone, explanation);
  }

  static JobOutcome cancelled(int stepsDone) {
    return new JobOutcome(JobStatus.CANCELLED, "cancelled by request", stepsDone, null);
  }
}
