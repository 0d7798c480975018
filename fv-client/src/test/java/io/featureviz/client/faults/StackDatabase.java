package io.featureviz.client.faults;

import io.featureviz.client.stack.InfraEndpoints;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stack's PostgreSQL, read with the credentials of {@code infra.json}: what the sink made durable. */
final class StackDatabase {

  private final String url;
  private final String user;
  private final String password;

  StackDatabase(InfraEndpoints infra) {
    Map<String, String> properties = infra.properties();
    this.url = properties.get("quarkus.datasource.jdbc.url");
    this.user = properties.get("quarkus.datasource.username");
    this.password = properties.get("quarkus.datasource.password");
  }

  /** Rows of {@code frames} for the job. */
  long frameRows(String jobId) {
    return frameRows(List.of(jobId));
  }

  long frameRows(Collection<String> jobIds) {
    return count("SELECT count(*) FROM frames WHERE job_id = ANY(?)", jobIds);
  }

  /** Distinct object keys among the job's frame rows: a duplicated frame would repeat one. */
  long distinctObjectKeys(String jobId) {
    return distinctObjectKeys(List.of(jobId));
  }

  long distinctObjectKeys(Collection<String> jobIds) {
    return count("SELECT count(DISTINCT object_key) FROM frames WHERE job_id = ANY(?)", jobIds);
  }

  long jobRows(Collection<String> jobIds) {
    return count("SELECT count(*) FROM jobs WHERE id = ANY(?)", jobIds);
  }

  /** Every job the stack knows, whoever submitted it. */
  long allJobRows() {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM jobs")) {
      return single(query);
    } catch (SQLException e) {
      throw new AssertionError("cannot query " + url, e);
    }
  }

  /** A stored final frame: the last image of one batch element. */
  record FinalFrame(String jobId, int batchIndex, String objectKey) {}

  List<FinalFrame> finalFrames(Collection<String> jobIds) {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement("SELECT job_id, batch_index,"
            + " object_key FROM frames WHERE job_id = ANY(?) AND is_final")) {
      query.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
      List<FinalFrame> frames = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          frames.add(new FinalFrame(rows.getString(1), rows.getInt(2), rows.getString(3)));
        }
      }
      return frames;
    } catch (SQLException e) {
      throw new AssertionError("cannot query " + url, e);
    }
  }

  long jobsWithStatus(Collection<String> jobIds, List<String> statuses) {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(
            "SELECT count(*) FROM jobs WHERE id = ANY(?) AND status = ANY(?)")) {
      query.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
      query.setArray(2, connection.createArrayOf("text", statuses.toArray()));
      return single(query);
    } catch (SQLException e) {
      throw new AssertionError("cannot query " + url, e);
    }
  }

  /** When each job's terminal status was recorded, in epoch milliseconds. */
  Map<String, Long> terminalRecordedMillis(Collection<String> jobIds) {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement("SELECT job_id, (extract(epoch FROM"
            + " recorded_at) * 1000)::bigint FROM job_status_history WHERE job_id = ANY(?)"
            + " AND status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')")) {
      query.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
      Map<String, Long> millis = new HashMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          millis.put(rows.getString(1), rows.getLong(2));
        }
      }
      return millis;
    } catch (SQLException e) {
      throw new AssertionError("cannot query " + url, e);
    }
  }

  private long count(String sql, Collection<String> ids) {
    try (Connection connection = connect();
        PreparedStatement query = connection.prepareStatement(sql)) {
      query.setArray(1, connection.createArrayOf("text", ids.toArray()));
      return single(query);
    } catch (SQLException e) {
      throw new AssertionError("cannot query " + url, e);
    }
  }

  private static long single(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }
}
