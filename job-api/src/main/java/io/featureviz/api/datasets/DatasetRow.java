package io.featureviz.api.datasets;

import java.time.Instant;

/**
 * One row of {@code datasets}.
 *
 * @param tenant the owner; null for a built-in dataset, which every tenant may search
 * @param objectPrefix where its images are in the bucket, ending in {@code /}
 * @param createdAt null until the row is inserted
 */
public record DatasetRow(String tenant, String id, String name, String objectPrefix,
    int imageCount, long bytes, Instant createdAt) {

  public boolean builtin() {
    return tenant == null;
  }
}
