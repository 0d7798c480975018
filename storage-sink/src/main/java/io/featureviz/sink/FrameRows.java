package io.featureviz.sink;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.metadata.JobsTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** The {@code frames} table and the per-threshold objective values it feeds into {@code jobs}. */
@ApplicationScoped
public class FrameRows {

  /**
   * A redelivered frame has the same bytes, so its row is left as it is (stored_at included);
   * a re-rendered frame with other bytes replaces the row, as its object was replaced.
   */
  private static final String UPSERT_FRAME = """
      INSERT INTO frames (job_id, step, batch_index, is_final, objective_value, object_key,
                          width, height, bytes, sha256)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (job_id, step, batch_index) DO UPDATE SET
        is_final = EXCLUDED.is_final, objective_value = EXCLUDED.objective_value,
        object_key = EXCLUDED.object_key, width = EXCLUDED.width, height = EXCLUDED.height,
        bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256, stored_at = now()
      WHERE frames.sha256 <> EXCLUDED.sha256
      """;

  /** The job's value at a threshold is the mean over the batch elements stored so far. */
  private static final String UPDATE_OBJECTIVE_VALUE = """
      UPDATE jobs SET objective_values = objective_values || jsonb_strip_nulls(
          jsonb_build_object(?::text, (SELECT avg(objective_value) FROM frames
                                       WHERE job_id = ? AND step = ?)))
      WHERE id = ?
      """;

  private final AgroalDataSource dataSource;

  FrameRows(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Transactional
  public void record(FrameHeaders frame, long bytes, String sha256) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      JobsTable.ensureRow(connection, frame.jobId());
      try (PreparedStatement upsert = connection.prepareStatement(UPSERT_FRAME)) {
        int i = 0;
        upsert.setString(++i, frame.jobId());
        upsert.setInt(++i, frame.step());
        upsert.setInt(++i, frame.batchIndex());
        upsert.setBoolean(++i, frame.isFinal());
        if (Double.isFinite(frame.objectiveValue())) {
          upsert.setDouble(++i, frame.objectiveValue());
        } else {
          upsert.setNull(++i, Types.DOUBLE);
        }
        upsert.setString(++i, frame.objectKey());
        upsert.setInt(++i, frame.width());
        upsert.setInt(++i, frame.height());
        upsert.setLong(++i, bytes);
        upsert.setString(++i, sha256);
        upsert.executeUpdate();
      }
      try (PreparedStatement update = connection.prepareStatement(UPDATE_OBJECTIVE_VALUE)) {
        update.setString(1, Integer.toString(frame.step()));
        update.setString(2, frame.jobId());
        update.setInt(3, frame.step());
        update.setString(4, frame.jobId());
        update.executeUpdate();
      }
    }
  }
}
