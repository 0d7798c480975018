package io.featureviz.api.jobs;

import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobStatus;

/** The optional filters of {@code GET /v1/jobs}; null means "any". */
public record JobFilter(JobKind kind, String model, String layer, Integer channel,
    String objective, JobStatus status) {}
