package io.featureviz.api.sweeps;

import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;

/**
 * A channel of a sweep as it stands: its frame's object key and when it was stored, both null
 * while it has no image; the status of the job whose frame it awaits or has (and why it failed),
 * and the status of its dataset search (null when none was asked for).
 */
record ChannelState(SweepChannel channel, String objectKey, Instant storedAt,
    JobStatus jobStatus, String jobReason, JobStatus examplesStatus) {

  boolean done() {
    return objectKey != null;
  }
}
