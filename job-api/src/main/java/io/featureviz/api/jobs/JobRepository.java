package io.featureviz.api.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.metadata.JobsTable;
import io.featureviz.metadata.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the metadata the sink writes, and the API's own insert of accepted jobs. */
@ApplicationScoped
public class JobRepository {

  private static final String JOB_COLUMNS = """
      id, tenant, kind, model, objective, layer, channel, size, steps, batch, seed, lr, param,
      decorrelate, transforms, thresholds, dataset, top_k, explain::text AS explain,
      interpolate::text AS interpolate, status, progress_step, last_objective_value,
      objective_values::text AS objective_values, reason, explanation::text AS explanation,
      created_at, updated_at
      """;

  private static final String FRAME_COLUMNS = """
      job_id, step, batch_index, is_final, objective_value, object_key, width, height, bytes,
      sha256, stored_at, source_image, source_key, source_width, source_height, crop
      """;

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  JobRepository(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  public void insert(JobRequest request) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      JobsTable.upsertRequest(connection, request);
    }
  }

  /** Undoes {@link #insert} for a job that could not be published. */
  public void delete(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
      delete.setString(1, id);
      delete.executeUpdate();
    }
  }

  /** The job if it belongs to the tenant; another tenant's job is as absent as an unknown one. */
  public Optional<JobRow> findOwned(String id, String tenant) throws SQLException {
    return find(id).filter(job -> tenant.equals(job.tenant()));
  }

  /** Jobs of the tenant that are QUEUED or RUNNING, not counting sweeps' shards. */
  public int countActive(String tenant) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count = connection.prepareStatement("""
            SELECT count(*) FROM jobs j WHERE j.tenant = ? AND j.status IN ('QUEUED', 'RUNNING')
            AND NOT EXISTS (SELECT 1 FROM sweep_shards s WHERE s.job_id = j.id)""")) {
      count.setString(1, tenant);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  public Optional<JobRow> find(String id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(job(rows)) : Optional.empty();
      }
    }
  }

  /** The tenant's jobs newest first; {@code limit} rows after the cursor (keyset pagination). */
  public List<JobRow> list(String tenant, JobFilter filter, PageCursor after, int limit)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + JOB_COLUMNS + " FROM jobs WHERE tenant = ?");
    List<Object> args = new ArrayList<>(List.of(tenant));
    condition(sql, args, "kind = ?", filter.kind() == null ? null : filter.kind().wireName());
    condition(sql, args, "model = ?", filter.model());
    condition(sql, args, "layer = ?", filter.layer());
    condition(sql, args, "channel = ?", filter.channel());
    condition(sql, args, "objective = ?", filter.objective());
    condition(sql, args, "status = ?", filter.status() == null ? null : filter.status().name());
    return NewestFirstPage.select(dataSource, sql, args, after, limit, this::job);
  }

  /** The job's frames in step order, then batch order. */
  public List<FrameRow> frames(String jobId) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT " + FRAME_COLUMNS
            + " FROM frames WHERE job_id = ? ORDER BY step, batch_index")) {
      select.setString(1, jobId);
      List<FrameRow> frames = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          frames.add(frame(rows));
        }
      }
      return frames;
    }
  }

  /**
   * job id -> object key of the job's newest frame of batch element 0 (for a dataset search, its
   * best crop), for the jobs that have a frame.
   */
  public Map<String, String> thumbnails(List<String> jobIds) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement("""
            SELECT DISTINCT ON (job_id) job_id, object_key FROM frames
            WHERE job_id = ANY(?) AND batch_index = 0 ORDER BY job_id, step DESC""")) {
      select.setArray(1, connection.createArrayOf("text", jobIds.toArray()));
      Map<String, String> keys = new HashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.put(rows.getString("job_id"), rows.getString("object_key"));
        }
      }
      return keys;
    }
  }

  private static void condition(StringBuilder sql, List<Object> args, String clause,
      Object value) {
    if (value != null) {
      sql.append(" AND ").append(clause);
      args.add(value);
    }
  }

  private JobRow job(ResultSet rows) throws SQLException {
    return new JobRow(rows.getString("id"), rows.getString("tenant"),
        JobKinds.of(rows.getString("kind")).orElseThrow(), rows.getString("model"),
        rows.getString("objective"), rows.getString("layer"),
        rows.getObject("channel", Integer.class), rows.getObject("size", Integer.class),
        rows.getObject("steps", Integer.class), rows.getObject("batch", Integer.class),
        rows.getObject("seed", Long.class), rows.getObject("lr", Double.class),
        rows.getString("param"), rows.getObject("decorrelate", Boolean.class),
        rows.getString("transforms"), integers(rows.getArray("thresholds")),
        rows.getString("dataset"), rows.getObject("top_k", Integer.class),
        JsonColumns.read(rows.getString("explain"), ExplainSpec.class),
        JsonColumns.read(rows.getString("interpolate"), InterpolationSpec.class),
        JobStatus.valueOf(rows.getString("status")), rows.getInt("progress_step"),
        rows.getObject("last_objective_value", Double.class),
        objectiveValues(rows.getString("objective_values")), rows.getString("reason"),
        JsonColumns.read(rows.getString("explanation"), Explanation.class),
        instant(rows, "created_at"), instant(rows, "updated_at"));
  }

  private static FrameRow frame(ResultSet rows) throws SQLException {
    return new FrameRow(rows.getString("job_id"), rows.getInt("step"),
        rows.getInt("batch_index"), rows.getBoolean("is_final"),
        rows.getObject("objective_value", Double.class), rows.getString("object_key"),
        rows.getInt("width"), rows.getInt("height"), rows.getLong("bytes"),
        rows.getString("sha256"), instant(rows, "stored_at"), rows.getString("source_image"),
        rows.getString("source_key"), rows.getObject("source_width", Integer.class),
        rows.getObject("source_height", Integer.class), nullableIntegers(rows.getArray("crop")));
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    return rows.getTimestamp(column).toInstant();
  }

  private static List<Integer> integers(Array array) throws SQLException {
    return array == null ? List.of() : nullableIntegers(array);
  }

  private static List<Integer> nullableIntegers(Array array) throws SQLException {
    return array == null ? null : Arrays.asList((Integer[]) array.getArray());
  }

  private Map<String, Double> objectiveValues(String text) {
    try {
      return json.readValue(text, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("jobs.objective_values is not a JSON object", e);
    }
  }
}
