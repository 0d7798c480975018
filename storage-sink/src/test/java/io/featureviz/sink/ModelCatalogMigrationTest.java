package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog migration (metadata's V7) on a database with uploads from before it, and the rules
 * it adds. Run in a schema of its own, migrated step by step as an existing install would be.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ModelCatalogMigrationTest {

  private static final String CHECK_VIOLATION = "23514";

  @Inject
  AgroalDataSource dataSource;

  private String schema;

  @BeforeEach
  void migrateToTheVersionBeforeTheCatalog() {
    schema = "v7_" + UUID.randomUUID().toString().replace("-", "");
    flyway("6").migrate();
  }

  @AfterEach
  void dropSchema() throws SQLException {
    execute("DROP SCHEMA " + schema + " CASCADE");
  }

  @Test
  void uploadFromBeforeTheCatalogStaysImporting() throws SQLException {
    execute("INSERT INTO " + schema + ".models (id, tenant, format, input_size, layer_count,"
        + " classes, object_prefix, sha256, bytes) VALUES ('old', 't1', 'tfjs', 224, 12, 5,"
        + " 'models/old/', 'c0ffee', 42)");

    flyway(null).migrate();

    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet row = select.executeQuery("SELECT * FROM " + schema + ".models")) {
      row.next();
      assertEquals("IMPORTING", row.getString("status"));
      assertNull(row.getString("description"));
      assertNull(row.getString("failure"));
      assertNotNull(row.getTimestamp("updated_at"));
      assertEquals("models/old/", row.getString("object_prefix"));
      assertEquals(12, row.getInt("layer_count"));
    }
  }

  @Test
  void readyNeedsADescriptionAndAnUploadItsFiles() throws SQLException {
    flyway(null).migrate();

    SQLException readyWithout = assertThrows(SQLException.class, () -> execute("INSERT INTO "
        + schema + ".models (id, tenant, format, status) VALUES ('b1', NULL, 'tflite', 'READY')"));
    assertEquals(CHECK_VIOLATION, readyWithout.getSQLState());
    SQLException uploadWithout = assertThrows(SQLException.class, () -> execute("INSERT INTO "
        + schema + ".models (id, tenant, format) VALUES ('u1', 't1', 'tflite')"));
    assertEquals(CHECK_VIOLATION, uploadWithout.getSQLState());
    SQLException unknownStatus = assertThrows(SQLException.class, () -> execute("INSERT INTO "
        + schema + ".models (id, tenant, format, object_prefix, sha256, bytes, status)"
        + " VALUES ('u2', 't1', 'tflite', 'models/u2/', 'c0ffee', 1, 'LOADING')"));
    assertEquals(CHECK_VIOLATION, unknownStatus.getSQLState());
    // A built-in model has no files in the bucket and any engine format.
    execute("INSERT INTO " + schema + ".models (id, tenant, format, status, description)"
        + " VALUES ('b2', NULL, 'tfjs-layers', 'READY', '{}')");
  }

  /** The project's migrations into this test's schema, up to {@code target} (null: all). */
  private Flyway flyway(String target) {
    var configuration = Flyway.configure().dataSource(dataSource).schemas(schema)
        .locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
