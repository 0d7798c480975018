package io.featureviz.api.sweeps;

import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;

/**
 * A channel of a sweep as it stands: its frame's object key and when it was stored, both null
 * while it has no image; the status of the job whose frame it awaits or has (and why it failed),
 * whether that job succeeded longer ago than {@code fv.api.sweeps.image-grace}, and the status
 * of its dataset search (null when none was asked for).
 */
record ChannelState(SweepChannel channel, String objectKey, Instant storedAt,
    JobStatus jobStatus, String jobReason, boolean succeededBeforeGrace,
    JobStatus examplesStatus) {

  boolean done() {
    return objectKey != null;
  }

  /** Without an image that its job, which succeeded beyond the grace, should have stored. */
  boolean imageLost() {
    return !done() && jobStatus == JobStatus.SUCCEEDED && succeededBeforeGrace;
  }
}
