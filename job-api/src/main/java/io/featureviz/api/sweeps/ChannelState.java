package io.featureviz.api.sweeps;

import java.time.Instant;

/**
 * A channel of a sweep as it stands: its frame's object key and when it was stored, both null
 * while it has no image.
 */
record ChannelState(SweepChannel channel, String objectKey, Instant storedAt) {

  boolean done() {
    return objectKey != null;
  }
}
