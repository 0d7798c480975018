package io.featureviz.api.gallery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads the final frames of succeeded renders, one row per batch element. */
@ApplicationScoped
public class GalleryRepository {

  /**
   * Newest job first (the jobs listing's order, by the tenant's index), its elements in batch
   * order. Dataset-examples jobs are left out: their frames are crops of photos, not renders.
   */
  private static final String SELECT = """
      SELECT j.id, f.batch_index, j.model,
             fv_element_objective(j.element_objectives, f.batch_index) AS element_objective,
             f.step, f.objective_value, f.width, f.height, f.object_key, j.created_at
      FROM jobs j JOIN frames f ON f.job_id = j.id AND f.is_final
      WHERE j.tenant = ? AND j.status = 'SUCCEEDED' AND j.kind = 'render'
      """;

  private final AgroalDataSource dataSource;

  GalleryRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The tenant's images; {@code limit} rows after the cursor (keyset pagination). */
  public List<GalleryRow> list(String tenant, GalleryFilter filter, GalleryCursor after,
      int limit) throws SQLException {
    StringBuilder sql = new StringBuilder(SELECT);
    List<Object> args = new ArrayList<>(List.of(tenant));
    if (filter.model() != null) {
      sql.append(" AND j.model = ?");
      args.add(filter.model());
    }
    if (filter.objective() != null) {
      // containment first, so the GIN index narrows the jobs; then the element itself
      sql.append(" AND j.element_objectives @> ARRAY[?]::text[]"
          + " AND fv_element_objective(j.element_objectives, f.batch_index) = ?");
      args.add(filter.objective());
      args.add(filter.objective());
    }
    if (after != null) {
      Timestamp createdAt = Timestamp.from(after.createdAt());
      sql.append(" AND ((j.created_at, j.id) < (?, ?)"
          + " OR (j.created_at = ? AND j.id = ? AND f.batch_index > ?))");
      args.addAll(List.of(createdAt, after.jobId(), createdAt, after.jobId(), after.batchIndex()));
    }
    sql.append(" ORDER BY j.created_at DESC, j.id DESC, f.batch_index LIMIT ?");
    args.add(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        select.setObject(i + 1, args.get(i));
      }
      List<GalleryRow> images = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          images.add(new GalleryRow(rows.getString("id"), rows.getInt("batch_index"),
              rows.getString("model"), rows.getString("element_objective"), rows.getInt("step"),
              rows.getObject("objective_value", Double.class), rows.getInt("width"),
              rows.getInt("height"), rows.getString("object_key"),
              rows.getTimestamp("created_at").toInstant()));
        }
      }
      return images;
    }
  }
}
