package io.featureviz.metadata;

import io.featureviz.contracts.messages.ModelCatalogEntry;
import io.featureviz.contracts.messages.ModelDescription;
import io.featureviz.contracts.messages.ModelStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Writes of the {@code models} table's catalog columns: the storage sink records what workers
 * publish on {@code fv.models}; tests of the job API record real models' entries the same way.
 */
public final class ModelsTable {

  /** A built-in model's row is the worker's description, written again at each start. */
  private static final String UPSERT_BUILT_IN = """
      INSERT INTO models (id, tenant, format, input_size, layer_count, classes, status,
                          description, failure, updated_at)
      VALUES (?, NULL, ?, ?, ?, ?, 'READY', ?::jsonb, NULL, now())
      ON CONFLICT (id) DO UPDATE SET
        format = EXCLUDED.format, input_size = EXCLUDED.input_size,
        layer_count = EXCLUDED.layer_count, classes = EXCLUDED.classes, status = 'READY',
        description = EXCLUDED.description, failure = NULL, updated_at = now()
      WHERE models.tenant IS NULL
      """;

  /**
   * An upload's row exists (the job API wrote it as IMPORTING). The first outcome is final: a
   * redelivered request imported again after the sink deleted a failed import's files would
   * otherwise replace the real reason with "files missing", or undo a READY.
   */
  private static final String UPDATE_UPLOAD = """
      UPDATE models SET status = ?, description = ?::jsonb, failure = ?, input_size = ?,
                        layer_count = ?, classes = ?, updated_at = now()
      WHERE id = ? AND tenant = ? AND status = 'IMPORTING'
      """;

  private ModelsTable() {}

  /**
   * Records a worker's catalog entry; returns false when it changed nothing: an upload whose
   * row is gone or already READY or FAILED, or a built-in id taken by an upload.
   */
  public static boolean record(Connection connection, ModelCatalogEntry entry)
      throws SQLException {
    ModelDescription description = entry.description();
    if (entry.tenant() == null) {
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT_BUILT_IN)) {
        int i = 0;
        upsert.setString(++i, entry.modelId());
        upsert.setString(++i, description.format());
        upsert.setInt(++i, description.inputSize());
        upsert.setInt(++i, description.layers().size());
        upsert.setInt(++i, description.labels().size());
        upsert.setString(++i, json(description));
        return upsert.executeUpdate() == 1;
      }
    }
    boolean ready = entry.status() == ModelStatus.READY;
    try (PreparedStatement update = connection.prepareStatement(UPDATE_UPLOAD)) {
      int i = 0;
      update.setString(++i, entry.status().name());
      update.setString(++i, ready ? json(description) : null);
      update.setString(++i, ready ? null : entry.reason());
      if (ready) {
        update.setInt(++i, description.inputSize());
        update.setInt(++i, description.layers().size());
        update.setInt(++i, description.labels().size());
      } else {
        update.setNull(++i, Types.INTEGER);
        update.setNull(++i, Types.INTEGER);
        update.setNull(++i, Types.INTEGER);
      }
      update.setString(++i, entry.modelId());
      update.setString(++i, entry.tenant());
      return update.executeUpdate() == 1;
    }
  }

  /** The model's status in the catalog; empty when it has no row. */
  public static Optional<ModelStatus> status(Connection connection, String id)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT status FROM models WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(ModelStatus.valueOf(rows.getString(1)))
            : Optional.empty();
      }
    }
  }

  /** The JSON kept in {@code models.description}, read back with {@link #description}. */
  public static String json(ModelDescription description) {
    return JsonColumns.write(description);
  }

  public static ModelDescription description(String json) {
    return JsonColumns.read(json, ModelDescription.class);
  }
}
