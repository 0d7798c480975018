package io.featureviz.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (binaries from Maven Central, run as a child process) on 127.0.0.1, with a database
 * {@value #DATABASE} owned by a role of the same name whose password is generated at each start.
 */
public final class PostgresNode implements AutoCloseable {

  public static final String DATABASE = "featureviz";
  private static final String ROLE = "featureviz";

  private final EmbeddedPostgres postgres;
  private final String password;

  private PostgresNode(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  /** Starts on a free port; a data dir from an earlier run is reused with its data. */
  public static PostgresNode start(Path dataDir) {
    return start(dataDir, 0);
  }

  /** Starts on {@code port} (0: a free one); a data dir from an earlier run is reused with its data. */
  public static PostgresNode start(Path dataDir, int port) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPort(FreePort.orPick(port))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setRegisterShutdownHook(false) // stopped by whoever started it, in order with the other nodes
          .start();
      String password = RandomSecret.secret();
      try {
        createDatabase(postgres, password);
      } catch (SQLException | RuntimeException e) {
        postgres.close();
        throw e;
      }
      return new PostgresNode(postgres, password);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start with data in " + dataDir, e);
    } catch (SQLException e) {
      throw new IllegalStateException("could not set up database " + DATABASE, e);
    }
  }

  /** The role's password is set at every start, as the previous one was not kept. */
  private static void createDatabase(EmbeddedPostgres postgres, String password) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      boolean roleExists;
      try (var rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
        roleExists = rs.next();
      }
      s.execute((roleExists ? "ALTER" : "CREATE") + " ROLE " + ROLE + " LOGIN PASSWORD '" + password + "'");
      boolean databaseExists;
      try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        databaseExists = rs.next();
      }
      if (!databaseExists) {
        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
      }
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
  }

  public int port() {
    return postgres.getPort();
  }

  public String username() {
    return ROLE;
  }

  public String password() {
    return password;
  }

  /** Stops the server (a fast shutdown: open sessions are ended). */
  public void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
