package io.featureviz.api.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A dataset as the API shows it; {@code images} only on {@code GET /v1/datasets/{id}} and in
 * the answer to an upload.
 *
 * @param builtin whether it is a built-in dataset every tenant may search (and none may delete)
 * @param bytes the images' bytes together
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetView(String id, String name, boolean builtin, int imageCount, long bytes,
    Instant createdAt, List<Image> images) {

  /** One image, with a presigned URL to download it from the object store. */
  public record Image(String name, int width, int height, long bytes, String url) {}

  static DatasetView of(DatasetRow row, List<Image> images) {
    return new DatasetView(row.id(), row.name(), row.builtin(), row.imageCount(), row.bytes(),
        row.createdAt(), images);
  }
}
