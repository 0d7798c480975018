package io.featureviz.api.gallery;

import io.featureviz.api.storage.Presigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;

/** Pages of the gallery with presigned image URLs; the REST resource only maps HTTP onto this. */
@ApplicationScoped
public class GalleryService {

  private final GalleryRepository repository;
  private final Presigner presigner;

  GalleryService(GalleryRepository repository, Presigner presigner) {
    this.repository = repository;
    this.presigner = presigner;
  }

  public GalleryItem.Page list(String tenant, GalleryFilter filter, GalleryCursor after,
      int limit) throws SQLException {
    // One row more than asked tells whether there is a next page without a count query.
    List<GalleryRow> rows = repository.list(tenant, filter, after, limit + 1);
    List<GalleryRow> page = rows.subList(0, Math.min(limit, rows.size()));
    String next = rows.size() > limit ? GalleryCursor.after(page.get(page.size() - 1)).encode()
        : null;
    return new GalleryItem.Page(
        page.stream().map(row -> GalleryItem.of(row, presigner.downloadUrl(row.objectKey())))
            .toList(), next);
  }
}
