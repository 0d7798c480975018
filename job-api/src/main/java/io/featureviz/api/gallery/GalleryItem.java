package io.featureviz.api.gallery;

import java.time.Instant;
import java.util.List;

/**
 * One image of the gallery: the final frame of one batch element, with a presigned URL, the
 * element's own objective and the job it belongs to.
 */
public record GalleryItem(String jobId, int batchIndex, String model, String objective, int step,
    Double objectiveValue, int width, int height, String url, Instant createdAt, Links links) {

  public record Links(String job) {}

  /** A page of images and the cursor of the next page, null on the last one. */
  public record Page(List<GalleryItem> items, String next) {}

  static GalleryItem of(GalleryRow row, String url) {
    return new GalleryItem(row.jobId(), row.batchIndex(), row.model(), row.objective(),
        row.step(), row.objectiveValue(), row.width(), row.height(), url, row.createdAt(),
        new Links("/v1/jobs/" + row.jobId()));
  }
}
