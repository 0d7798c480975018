package io.featureviz.api.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One page of a tenant's rows, newest first, after a {@link PageCursor} (keyset pagination on
 * {@code created_at, id}): the one way jobs and sweeps are listed.
 */
public final class NewestFirstPage {

  /** Reads the row under the result set's cursor. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private NewestFirstPage() {}

  /**
   * @param sql a {@code SELECT ... WHERE ...} whose placeholders take {@code args} in order; the
   *     cursor's condition, the order and the limit are appended
   */
  public static <T> List<T> select(DataSource dataSource, StringBuilder sql, List<Object> args,
      PageCursor after, int limit, RowReader<T> reader) throws SQLException {
    List<Object> all = new ArrayList<>(args);
    if (after != null) {
      sql.append(" AND (created_at, id) < (?, ?)");
      all.add(Timestamp.from(after.createdAt()));
      all.add(after.id());
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
    all.add(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < all.size(); i++) {
        select.setObject(i + 1, all.get(i));
      }
      List<T> page = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          page.add(reader.read(rows));
        }
      }
      return page;
    }
  }
}
