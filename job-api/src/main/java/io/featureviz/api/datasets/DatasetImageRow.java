package io.featureviz.api.datasets;

/** One row of {@code dataset_images}: a stored image of a dataset. */
public record DatasetImageRow(String name, String objectKey, int width, int height, long bytes,
    String sha256) {}
