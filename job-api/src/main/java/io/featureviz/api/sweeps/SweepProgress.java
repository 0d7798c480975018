package io.featureviz.api.sweeps;

import io.featureviz.contracts.messages.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sweep's state read from PostgreSQL: its row, its channels with their images, its shards
 * with their statuses; and what follows from them.
 */
record SweepProgress(SweepRow sweep, List<ChannelState> channels, List<ShardState> shards) {

  long done() {
    return channels.stream().filter(ChannelState::done).count();
  }

  long reused() {
    return channels.stream().filter(c -> c.channel().reused()).count();
  }

  /**
   * Cancelled when asked; succeeded once every channel has its image; failed once every render
   * shard ended and one that did not succeed left channels without an image (a shard that
   * succeeded may have its final frames stored a moment after its status); running once a
   * shard started or a channel of the sweep's own shards has its image; else queued.
   */
  SweepStatus status() {
    if (sweep.cancelledAt() != null) {
      return SweepStatus.CANCELLED;
    }
    if (done() == channels.size()) {
      return SweepStatus.SUCCEEDED;
    }
    List<ShardState> renders = renders();
    if (renders.stream().allMatch(s -> s.status().isTerminal())
        && renders.stream().anyMatch(s -> s.status() != JobStatus.SUCCEEDED)) {
      return SweepStatus.FAILED;
    }
    boolean started = renders.stream().anyMatch(s -> s.status() != JobStatus.QUEUED)
        || done() > reused();
    return started ? SweepStatus.RUNNING : SweepStatus.QUEUED;
  }

  /** Why the render shards that failed did, one line each; null when none failed. */
  String reason() {
    String reasons = renders().stream().filter(s -> s.status() == JobStatus.FAILED)
        .map(s -> "job " + s.jobId() + ": " + Objects.requireNonNullElse(s.reason(), "failed"))
        .collect(Collectors.joining("\n"));
    return reasons.isEmpty() ? null : reasons;
  }

  /** The sweep's last change: its row's, or its newest image's. */
  Instant updatedAt() {
    return channels.stream().map(ChannelState::storedAt).filter(Objects::nonNull)
        .filter(at -> !at.isBefore(sweep.updatedAt())).max(Instant::compareTo)
        .orElse(sweep.updatedAt());
  }

  private List<ShardState> renders() {
    return shards.stream().filter(ShardState::isRender).toList();
  }
}
