package io.featureviz.api.models;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code models} table. */
@ApplicationScoped
public class UploadedModelRepository {

  /** PostgreSQL's unique_violation: the id was taken meanwhile. */
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = """
      id, tenant, format, input_size, layer_count, classes, object_prefix, sha256, bytes,
      created_at
      """;

  private final AgroalDataSource dataSource;

  UploadedModelRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the row, or answers false when a model of this id exists. */
  public boolean insert(UploadedModelRow row) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO models (id, tenant, format, input_size, layer_count, classes,
              object_prefix, sha256, bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
      insert.setString(1, row.id());
      insert.setString(2, row.tenant());
      insert.setString(3, row.format());
      insert.setInt(4, row.inputSize());
      insert.setInt(5, row.layerCount());
      insert.setInt(6, row.classes());
      insert.setString(7, row.objectPrefix());
      insert.setString(8, row.sha256());
      insert.setLong(9, row.bytes());
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }

  /** Undoes {@link #insert} for a model whose files could not be stored. */
  public void delete(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM models WHERE id = ?")) {
      delete.setString(1, id);
      delete.executeUpdate();
    }
  }

  public Optional<UploadedModelRow> find(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM models WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(row(rows)) : Optional.empty();
      }
    }
  }

  /** The tenant's uploaded models, oldest first. */
  public List<UploadedModelRow> list(String tenant) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM models WHERE tenant = ? ORDER BY created_at, id")) {
      select.setString(1, tenant);
      List<UploadedModelRow> models = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          models.add(row(rows));
        }
      }
      return models;
    }
  }

  private static UploadedModelRow row(ResultSet rows) throws SQLException {
    return new UploadedModelRow(rows.getString("id"), rows.getString("tenant"),
        rows.getString("format"), rows.getInt("input_size"), rows.getInt("layer_count"),
        rows.getInt("classes"), rows.getString("object_prefix"), rows.getString("sha256"),
        rows.getLong("bytes"), rows.getTimestamp("created_at").toInstant());
  }
}
