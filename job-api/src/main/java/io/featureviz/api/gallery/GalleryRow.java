package io.featureviz.api.gallery;

import java.time.Instant;

/**
 * The final frame of one batch element of a succeeded render, with what it shows: the job's
 * model and the element's own objective (canonical text).
 */
public record GalleryRow(String jobId, int batchIndex, String model, String objective, int step,
    Double objectiveValue, int width, int height, String objectKey, Instant createdAt) {}
