package io.featureviz.sink;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.FrameHeaders.ExampleSource;
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
                          width, height, bytes, sha256, source_image, source_key,
                          source_width, source_height, crop)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (job_id, step, batch_index) DO UPDATE SET
        is_final = EXCLUDED.is_final, objective_value = EXCLUDED.objective_value,
        object_key = EXCLUDED.object_key, width = EXCLUDED.width, height = EXCLUDED.height,
        bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256, source_image = EXCLUDED.source_image,
        source_key = EXCLUDED.source_key, source_width = EXCLUDED.source_width,
        source_height = EXCLUDED.source_height, crop = EXCLUDED.crop, stored_at = now()
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

  /** The example columns from parameter {@code after + 1} on; all null for a render's frame. */
  private static void setExample(Connection connection, PreparedStatement upsert, int after,
      ExampleSource example) throws SQLException {
    int i = after;
    upsert.setString(++i, example == null ? null : example.image());
    upsert.setString(++i, example == null ? null : example.objectKey());
    upsert.setObject(++i, example == null ? null : example.imageWidth(), Types.INTEGER);
    upsert.setObject(++i, example == null ? null : example.imageHeight(), Types.INTEGER);
    if (example == null) {
      upsert.setNull(++i, Types.ARRAY);
    } else {
      upsert.setArray(++i, connection.createArrayOf("integer", new Integer[] {
          example.cropX(), example.cropY(), example.cropWidth(), example.cropHeight()}));
    }
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
        setExample(connection, upsert, i, frame.example());
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
