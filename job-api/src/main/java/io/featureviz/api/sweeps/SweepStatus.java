package io.featureviz.api.sweeps;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a sweep stands, from its channels' images and its shards' statuses. */
public enum SweepStatus {
  /** No shard has started and no channel was rendered by it yet. */
  @JsonProperty("queued")
  QUEUED,
  @JsonProperty("running")
  RUNNING,
  /** Every channel has its image. */
  @JsonProperty("succeeded")
  SUCCEEDED,
  /** Every render shard ended, some failed or were cancelled, and channels lack their image. */
  @JsonProperty("failed")
  FAILED,
  /** Cancelled through the API. */
  @JsonProperty("cancelled")
  CANCELLED;

  public boolean isTerminal() {
    return this != QUEUED && this != RUNNING;
  }
}
