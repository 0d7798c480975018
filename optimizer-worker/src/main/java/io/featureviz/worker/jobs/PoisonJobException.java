package io.featureviz.worker.jobs;

import java.util.Optional;

/** A job record that can never be rendered, whoever retries it. */
final class PoisonJobException extends RuntimeException {

  private final String jobId;

  PoisonJobException(String reason, String jobId, Throwable cause) {
    super(reason, cause);
    this.jobId = jobId;
  }

  /** The job's id when the record was readable enough to have one. */
  Optional<String> jobId() {
    return Optional.ofNullable(jobId).filter(id -> !id.isBlank());
  }
}
