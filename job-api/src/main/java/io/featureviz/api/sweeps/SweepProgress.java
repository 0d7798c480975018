package io.featureviz.api.sweeps;

import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sweep's state read from PostgreSQL: its row, its channels with their images and the
 * statuses of the jobs they await; and what follows from them.
 */
record SweepProgress(SweepRow sweep, List<ChannelState> channels) {

  long done() {
    return channels.stream().filter(ChannelState::done).count();
  }

  long reused() {
    return channels.stream().filter(c -> c.channel().reused()).count();
  }

  /**
   * Cancelled when asked; succeeded once every channel has its image; failed once every channel
   * without an image awaits a job that failed or was cancelled, or whose job succeeded without
   * storing it within the grace (a job that succeeded may have its final frames stored a moment
   * after its status); running once a job a channel awaits
   * started or a channel of the sweep's own shards has its image; else queued. A channel awaits
   * its job whether the job is one of the sweep's shards or another sweep's (shared while it
   * renders).
   */
  SweepStatus status() {
    if (sweep.cancelledAt() != null) {
      return SweepStatus.CANCELLED;
    }
    List<ChannelState> missing = channels.stream().filter(c -> !c.done()).toList();
    if (missing.isEmpty()) {
      return SweepStatus.SUCCEEDED;
    }
    if (missing.stream().allMatch(c -> c.jobStatus() == JobStatus.FAILED
        || c.jobStatus() == JobStatus.CANCELLED || c.imageLost())) {
      return SweepStatus.FAILED;
    }
    boolean started = missing.stream().anyMatch(c -> c.jobStatus() != JobStatus.QUEUED)
        || done() > reused();
    return started ? SweepStatus.RUNNING : SweepStatus.QUEUED;
  }

  /**
   * Why the jobs that left channels without an image failed, or which images of succeeded jobs
   * never came, one line each; null if none.
   */
  String reason() {
    String reasons = channels.stream()
        .filter(c -> !c.done() && c.jobStatus() == JobStatus.FAILED || c.imageLost())
        .map(c -> "job " + c.channel().jobId() + ": " + (c.imageLost()
            ? "succeeded, but its image " + c.channel().batchIndex() + " (" + c.channel().layer()
                + ":" + c.channel().channel() + ") was never stored"
            : Objects.requireNonNullElse(c.jobReason(), "failed")))
        .distinct().collect(Collectors.joining("\n"));
    return reasons.isEmpty() ? null : reasons;
  }

  /** The sweep's last change: its row's, or its newest image's. */
  Instant updatedAt() {
    return channels.stream().map(ChannelState::storedAt).filter(Objects::nonNull)
        .filter(at -> !at.isBefore(sweep.updatedAt())).max(Instant::compareTo)
        .orElse(sweep.updatedAt());
  }
}
