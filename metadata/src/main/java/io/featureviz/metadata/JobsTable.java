package io.featureviz.metadata;

import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.JobRequest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Writes of the {@code jobs} table that both services perform. */
public final class JobsTable {

  /**
   * Sets the request columns and leaves status, progress and objective values alone, since a
   * status event or a frame may have created the row and moved it on already.
   */
  private static final String UPSERT_REQUEST = """
      INSERT INTO jobs (id, tenant, model, objective, layer, channel, size, steps, batch, seed,
                        lr, param, decorrelate, transforms, thresholds, created_at, kind,
                        dataset, dataset_prefix, top_k, element_objectives, explain,
                        interpolate)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
      ON CONFLICT (id) DO UPDATE SET
        tenant = EXCLUDED.tenant, model = EXCLUDED.model, objective = EXCLUDED.objective,
        layer = EXCLUDED.layer, channel = EXCLUDED.channel, size = EXCLUDED.size,
        steps = EXCLUDED.steps, batch = EXCLUDED.batch, seed = EXCLUDED.seed, lr = EXCLUDED.lr,
        param = EXCLUDED.param, decorrelate = EXCLUDED.decorrelate,
        transforms = EXCLUDED.transforms, thresholds = EXCLUDED.thresholds,
        created_at = EXCLUDED.created_at, kind = EXCLUDED.kind, dataset = EXCLUDED.dataset,
        dataset_prefix = EXCLUDED.dataset_prefix, top_k = EXCLUDED.top_k,
        element_objectives = EXCLUDED.element_objectives, explain = EXCLUDED.explain,
        interpolate = EXCLUDED.interpolate
      """;

  /**
   * Only a job that succeeded gets the explanation its terminal event carries (a late success
   * of a cancelled job does not), and the first one stays: a redelivered event changes nothing.
   */
  private static final String RECORD_EXPLANATION = """
      UPDATE jobs SET explanation = ?::jsonb
      WHERE id = ? AND status = 'SUCCEEDED' AND explanation IS NULL
      """;

  private static final String ENSURE_ROW =
      "INSERT INTO jobs (id) VALUES (?) ON CONFLICT (id) DO NOTHING";

  private JobsTable() {}

  /** Records a job request; running it again with the same request changes nothing. */
  public static void upsertRequest(Connection connection, JobRequest request)
      throws SQLException {
    ObjectiveColumns columns = ObjectiveColumns.of(request.objective());
    try (PreparedStatement insert = connection.prepareStatement(UPSERT_REQUEST)) {
      Array thresholds = connection.createArrayOf("integer",
          request.effectiveThresholds().toArray(Integer[]::new));
      int i = 0;
      insert.setString(++i, request.id());
      insert.setString(++i, request.tenant());
      insert.setString(++i, request.model());
      insert.setString(++i, columns.objective());
      insert.setString(++i, columns.layer());
      insert.setObject(++i, columns.channel(), Types.INTEGER);
      insert.setInt(++i, request.size());
      insert.setInt(++i, request.steps());
      insert.setInt(++i, request.batch());
      insert.setLong(++i, request.seed());
      insert.setDouble(++i, request.lr());
      insert.setString(++i, request.param());
      insert.setBoolean(++i, request.decorrelate());
      insert.setString(++i, request.transforms());
      insert.setArray(++i, thresholds);
      insert.setTimestamp(++i, Timestamp.from(Instant.ofEpochMilli(request.submittedAt())));
      insert.setString(++i, request.kind().wireName());
      DatasetExamplesSpec examples = request.examples();
      insert.setString(++i, examples == null ? null : examples.dataset());
      insert.setString(++i, examples == null ? null : examples.prefix());
      insert.setObject(++i, examples == null ? null : examples.topK(), Types.INTEGER);
      insert.setArray(++i, connection.createArrayOf("text", columns.elements().toArray()));
      insert.setString(++i, JsonColumns.write(request.explain()));
      insert.setString(++i, JsonColumns.write(request.interpolate()));
      insert.executeUpdate();
    }
  }

  /**
   * Records an explain job's numbers from its SUCCEEDED event, once the job's status is
   * SUCCEEDED (write the status first, in the same transaction).
   */
  public static void recordExplanation(Connection connection, String jobId,
      Explanation explanation) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(RECORD_EXPLANATION)) {
      update.setString(1, JsonColumns.write(explanation));
      update.setString(2, jobId);
      update.executeUpdate();
    }
  }

  /** Creates an empty row for a job seen first through a frame or an event. */
  public static void ensureRow(Connection connection, String jobId) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(ENSURE_ROW)) {
      insert.setString(1, jobId);
      insert.executeUpdate();
    }
  }
}
