package io.featureviz.sink;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.metadata.JobsTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * Applies job events to {@code jobs} and {@code job_status_history}. Every statement is
 * idempotent and monotonic: status only moves forward (QUEUED, RUNNING, then one terminal
 * status) and progress only grows, so redelivered or late events change nothing. An explain
 * job's SUCCEEDED event also brings its explanation, kept once.
 */
@ApplicationScoped
public class JobEventRows {

  /** Only statuses the job reaches (or is in) enter the history: not a late RUNNING. */
  private static final String INSERT_HISTORY = """
      INSERT INTO job_status_history (job_id, status, reason, worker, event_at)
      SELECT ?, ?, ?, ?, ? FROM jobs
      WHERE id = ? AND (status = ? OR fv_status_rank(status) < fv_status_rank(?))
      ON CONFLICT (job_id, status) DO NOTHING
      """;

  private static final String ADVANCE_STATUS = """
      UPDATE jobs SET status = ?, reason = COALESCE(?, reason),
                      progress_step = GREATEST(progress_step, ?), updated_at = now()
      WHERE id = ? AND fv_status_rank(status) < fv_status_rank(?)
      """;

  /** Progress of a finished job is stale: the terminal event already carries the last step. */
  private static final String ADVANCE_PROGRESS = """
      UPDATE jobs SET progress_step = ?, last_objective_value = COALESCE(?, last_objective_value),
                      updated_at = now()
      WHERE id = ? AND progress_step < ? AND fv_status_rank(status) < fv_status_rank('SUCCEEDED')
      """;

  private final AgroalDataSource dataSource;

  JobEventRows(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Transactional
  public void recordStatus(JobEvent event) throws SQLException {
    String status = event.status().name();
    try (Connection connection = dataSource.getConnection()) {
      JobsTable.ensureRow(connection, event.jobId());
      try (PreparedStatement history = connection.prepareStatement(INSERT_HISTORY)) {
        history.setString(1, event.jobId());
        history.setString(2, status);
        history.setString(3, event.reason());
        history.setString(4, event.worker());
        history.setTimestamp(5, Timestamp.from(Instant.ofEpochMilli(event.at())));
        history.setString(6, event.jobId());
        history.setString(7, status);
        history.setString(8, status);
        history.executeUpdate();
      }
      try (PreparedStatement advance = connection.prepareStatement(ADVANCE_STATUS)) {
        advance.setString(1, status);
        advance.setString(2, event.reason());
        advance.setInt(3, event.step());
        advance.setString(4, event.jobId());
        advance.setString(5, status);
        advance.executeUpdate();
      }
      if (event.explanation() != null) {
        JobsTable.recordExplanation(connection, event.jobId(), event.explanation());
      }
    }
  }

  @Transactional
  public void recordProgress(JobEvent event) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement advance = connection.prepareStatement(ADVANCE_PROGRESS)) {
      advance.setInt(1, event.step());
      if (Double.isFinite(event.objectiveValue())) {
        advance.setDouble(2, event.objectiveValue());
      } else {
        advance.setNull(2, Types.DOUBLE);
      }
      advance.setString(3, event.jobId());
      advance.setInt(4, event.step());
      advance.executeUpdate();
    }
  }
}
