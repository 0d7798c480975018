package io.featureviz.api.gallery;

import io.featureviz.api.CursorText;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a page of the gallery ends: the last image's job (created_at, id) and batch index, the
 * keyset the gallery is ordered by.
 */
public record GalleryCursor(Instant createdAt, String jobId, int batchIndex) {

  static GalleryCursor after(GalleryRow last) {
    return new GalleryCursor(last.createdAt(), last.jobId(), last.batchIndex());
  }

  public String encode() {
    return CursorText.encode(createdAt + "|" + batchIndex + "|" + jobId);
  }

  public static GalleryCursor decode(String cursor) {
    String[] parts = CursorText.decode(cursor).split("\\|", 3);
    if (parts.length == 3 && !parts[2].isEmpty()) {
      try {
        return new GalleryCursor(Instant.parse(parts[0]), parts[2], Integer.parseInt(parts[1]));
      } catch (DateTimeParseException | NumberFormatException e) {
        // reported below, as for any cursor this API did not hand out
      }
    }
    throw CursorText.invalid();
  }
}
