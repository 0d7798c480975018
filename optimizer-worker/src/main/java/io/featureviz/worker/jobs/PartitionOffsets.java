package io.featureviz.worker.jobs;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * The offsets of one partition that are in flight, and so which offset may be committed: every
 * record below it has reached its end. Records start in offset order, so that is the lowest one
 * still in flight, or one past the last started when none is.
 */
final class PartitionOffsets {

  private final TreeSet<Long> inFlight = new TreeSet<>();
  private long lastStarted = -1;
  private long committed = -1;

  void started(long offset) {
    inFlight.add(offset);
    lastStarted = Math.max(lastStarted, offset);
  }

  void finished(long offset) {
    inFlight.remove(offset);
  }

  /** Whether a record of this partition is still being handled. */
  boolean rendering() {
    return !inFlight.isEmpty();
  }

  /** The offset to commit now (Kafka's "next to read"), when it moved since the last commit. */
  OptionalLong toCommit() {
    if (lastStarted < 0) {
      return OptionalLong.empty();
    }
    long next = inFlight.isEmpty() ? lastStarted + 1 : inFlight.first();
    return next > committed ? OptionalLong.of(next) : OptionalLong.empty();
  }

  void committed(long offset) {
    committed = offset;
  }
}
