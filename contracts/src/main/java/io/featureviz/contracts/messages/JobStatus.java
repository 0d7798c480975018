package io.featureviz.contracts.messages;

/** The life of a job. QUEUED, then RUNNING, then exactly one terminal state. */
public enum JobStatus {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
