package io.featureviz.api.jobs;

import java.time.Instant;

/** One stored frame of a job, as the sink recorded it. */
public record FrameRow(String jobId, int step, int batchIndex, boolean isFinal,
    Double objectiveValue, String objectKey, int width, int height, long bytes, String sha256,
    Instant storedAt) {}
