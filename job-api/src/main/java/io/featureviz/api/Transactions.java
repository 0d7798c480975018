package io.featureviz.api;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on PostgreSQL in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {

  /** Opens a connection, e.g. {@code dataSource::getConnection}. */
  @FunctionalInterface
  public interface Connections {
    Connection open() throws SQLException;
  }

  /** What runs in the transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Transactions() {}

  public static <T> T inTransaction(Connections connections, Work<T> work) throws SQLException {
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
