package io.featureviz.api.sweeps;

import io.featureviz.contracts.messages.JobStatus;

/** A job a sweep published or is to publish, with its status as {@code jobs} has it. */
record ShardState(String jobId, boolean published, JobStatus status, int steps) {}
