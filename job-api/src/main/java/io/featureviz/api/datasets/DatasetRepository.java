package io.featureviz.api.datasets;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code datasets} and {@code dataset_images} tables. Reads take a connection of their own;
 * writes take the caller's, whose transaction also spans the objects' storing
 * ({@link DatasetStore}).
 */
@ApplicationScoped
public class DatasetRepository {

  private static final String COLUMNS =
      "tenant, id, name, object_prefix, image_count, bytes, created_at";

  private final AgroalDataSource dataSource;

  DatasetRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** The tenant's dataset of this id, else the built-in one. */
  public Optional<DatasetRow> find(String id, String tenant) throws SQLException {
    return first("id = ? AND (tenant = ? OR tenant IS NULL) ORDER BY tenant NULLS LAST LIMIT 1",
        id, tenant);
  }

  public Optional<DatasetRow> findBuiltin(String id) throws SQLException {
    return first("id = ? AND tenant IS NULL", id);
  }

  /** The built-in datasets by id, then the tenant's, newest first. */
  public List<DatasetRow> list(String tenant) throws SQLException {
    return select("tenant = ? OR tenant IS NULL ORDER BY tenant IS NOT NULL,"
        + " CASE WHEN tenant IS NULL THEN id END, created_at DESC, id", tenant);
  }

  /** A dataset's images by name. */
  public List<DatasetImageRow> images(String objectPrefix) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return images(connection, objectPrefix);
    }
  }

  List<DatasetImageRow> images(Connection connection, String objectPrefix) throws SQLException {
    return images(connection, "object_prefix = ? ORDER BY name COLLATE \"C\"", objectPrefix);
  }

  /** The dataset's image of this name. */
  public Optional<DatasetImageRow> image(String objectPrefix, String name) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return images(connection, "object_prefix = ? AND name = ?", objectPrefix, name).stream()
          .findFirst();
    }
  }

  private static List<DatasetImageRow> images(Connection connection, String condition,
      String... args) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT name, object_key, width, height, bytes, sha256 FROM dataset_images WHERE "
            + condition)) {
      for (int i = 0; i < args.length; i++) {
        select.setString(i + 1, args[i]);
      }
      List<DatasetImageRow> images = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          images.add(new DatasetImageRow(rows.getString("name"), rows.getString("object_key"),
              rows.getInt("width"), rows.getInt("height"), rows.getLong("bytes"),
              rows.getString("sha256")));
        }
      }
      return images;
    }
  }

  /**
   * Inserts the dataset's row, answering when it was created, or empty when the owner has a
   * dataset of this id already. An insert of the same id in a transaction not yet ended waits
   * for it, so the id is held until this transaction ends.
   */
  Optional<Instant> claim(Connection connection, DatasetRow row) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO datasets (tenant, id, name, object_prefix, image_count, bytes)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING created_at
        """)) {
      insert.setString(1, row.tenant());
      insert.setString(2, row.id());
      insert.setString(3, row.name());
      insert.setString(4, row.objectPrefix());
      insert.setInt(5, row.imageCount());
      insert.setLong(6, row.bytes());
      try (ResultSet created = insert.executeQuery()) {
        return created.next() ? Optional.of(created.getTimestamp(1).toInstant())
            : Optional.empty();
      }
    }
  }

  void insertImages(Connection connection, String objectPrefix, List<DatasetImageRow> images)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO dataset_images (object_prefix, name, object_key, width, height, bytes, sha256)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)) {
      for (DatasetImageRow image : images) {
        insert.setString(1, objectPrefix);
        insert.setString(2, image.name());
        insert.setString(3, image.objectKey());
        insert.setInt(4, image.width());
        insert.setInt(5, image.height());
        insert.setLong(6, image.bytes());
        insert.setString(7, image.sha256());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Deletes the dataset's rows (its images' rows with it); false when there was none. */
  boolean delete(Connection connection, DatasetRow row) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM datasets WHERE object_prefix = ?")) {
      delete.setString(1, row.objectPrefix());
      return delete.executeUpdate() > 0;
    }
  }

  /** Waits for, then holds until the transaction ends, the lock of one dataset's folder. */
  void lock(Connection connection, String objectPrefix) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, "fv-dataset:" + objectPrefix);
      lock.executeQuery().close();
    }
  }

  private Optional<DatasetRow> first(String condition, Object... args) throws SQLException {
    return select(condition, args).stream().findFirst();
  }

  private List<DatasetRow> select(String condition, Object... args) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM datasets WHERE " + condition)) {
      for (int i = 0; i < args.length; i++) {
        select.setObject(i + 1, args[i]);
      }
      List<DatasetRow> datasets = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          datasets.add(new DatasetRow(rows.getString("tenant"), rows.getString("id"),
              rows.getString("name"), rows.getString("object_prefix"), rows.getInt("image_count"),
              rows.getLong("bytes"), rows.getTimestamp("created_at").toInstant()));
        }
      }
      return datasets;
    }
  }
}
