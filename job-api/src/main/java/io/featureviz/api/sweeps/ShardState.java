package io.featureviz.api.sweeps;

import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobStatus;

/** A job a sweep published, with its status (and why, when it failed) as {@code jobs} has it. */
record ShardState(String jobId, JobKind kind, boolean published, JobStatus status,
    String reason, int steps) {

  boolean isRender() {
    return kind == JobKind.RENDER;
  }
}
