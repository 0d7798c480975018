package io.featureviz.api.models;

import java.time.Instant;

/** A row of the {@code models} table: an uploaded model and where its files are stored. */
public record UploadedModelRow(String id, String tenant, String format, int inputSize,
    int layerCount, int classes, String objectPrefix, String sha256, long bytes,
    Instant createdAt) {}
