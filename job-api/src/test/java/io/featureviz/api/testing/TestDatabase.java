package io.featureviz.api.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Rows written behind the API's back, as the sink or an operator would. */
public final class TestDatabase {

  private TestDatabase() {}

  /** Plays the sink: the job moved on and a frame was stored. */
  public static void update(AgroalDataSource dataSource, String sql, Object... args)
      throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        update.setObject(i + 1, args[i]);
      }
      assertEquals(1, update.executeUpdate());
    }
  }

  /** The single number a query such as {@code SELECT count(*) ...} answers. */
  public static long count(AgroalDataSource dataSource, String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql);
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
