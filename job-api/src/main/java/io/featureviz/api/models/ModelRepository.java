package io.featureviz.api.models;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.ModelStatus;
import io.featureviz.metadata.ModelsTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code models} table as the API reads it, and the rows of its uploads. Catalog entries
 * (READY, FAILED) are written by the storage sink, never here.
 */
@ApplicationScoped
public class ModelRepository {

  /** PostgreSQL's unique_violation: the id was taken meanwhile. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = """
      id, tenant, format, status, failure, description, object_prefix, sha256, bytes,
      created_at
      """;

  private final AgroalDataSource dataSource;

  ModelRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts an upload's row as IMPORTING, which claims the id; false when a model of this id
   * exists. What the model holds (input size, layers, classes) is left to the import.
   */
  public boolean insertImporting(ModelRow row) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO models (id, tenant, format, status, object_prefix, sha256, bytes)
            VALUES (?, ?, ?, 'IMPORTING', ?, ?, ?)
            """)) {
      insert.setString(1, row.id());
      insert.setString(2, row.tenant());
      insert.setString(3, row.format());
      insert.setString(4, row.objectPrefix());
      insert.setString(5, row.sha256());
      insert.setLong(6, row.bytes());
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** Undoes {@link #insertImporting} for an upload whose files or request did not get out. */
  public void delete(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM models WHERE id = ?")) {
      delete.setString(1, id);
      delete.executeUpdate();
    }
  }

  public Optional<ModelRow> find(String id) throws SQLException {
    return select("WHERE id = ?", id).stream().findFirst();
  }

  /** The built-in models by id, then the tenant's uploads, oldest first. */
  public List<ModelRow> visibleTo(String tenant) throws SQLException {
    return select("WHERE tenant IS NULL OR tenant = ?"
        + " ORDER BY tenant IS NOT NULL, CASE WHEN tenant IS NULL THEN id END, created_at, id",
        tenant);
  }

  /** Every upload still waiting for a worker, oldest first. */
  public List<ModelRow> importing() throws SQLException {
    return select("WHERE tenant IS NOT NULL AND status = 'IMPORTING' ORDER BY created_at, id");
  }

  private List<ModelRow> select(String where, String... parameters) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM models " + where)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      List<ModelRow> models = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          models.add(row(rows));
        }
      }
      return models;
    }
  }

  private static ModelRow row(ResultSet rows) throws SQLException {
    String description = rows.getString("description");
    return new ModelRow(rows.getString("id"), rows.getString("tenant"), rows.getString("format"),
        ModelStatus.valueOf(rows.getString("status")), rows.getString("failure"),
        description == null ? null : ModelsTable.description(description),
        rows.getString("object_prefix"), rows.getString("sha256"),
        rows.getObject("bytes", Long.class), rows.getTimestamp("created_at").toInstant());
  }
}
