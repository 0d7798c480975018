package io.featureviz.api.problems;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TestBus;
import io.featureviz.contracts.messages.Topics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Everything a request could leave behind: messages published on {@code fv.jobs},
 * {@code fv.events} and {@code fv.model-imports} (end offsets), rows of {@code jobs}, {@code models}, {@code datasets} and
 * {@code dataset_images} and {@code sweeps}, and the bucket's objects. A refused request must leave it equal.
 */
record StackState(long jobMessages, long eventMessages, long importMessages, long jobRows,
    long modelRows, long datasetRows, long datasetImageRows, long sweepRows,
    List<String> objects) {

  static StackState of(TestBus bus, AgroalDataSource dataSource, BucketObjects bucket) {
    try {
      return new StackState(bus.endOffsets(Topics.JOBS), bus.endOffsets(Topics.EVENTS),
          bus.endOffsets(Topics.MODEL_IMPORTS), count(dataSource, "jobs"),
          count(dataSource, "models"), count(dataSource, "datasets"),
          count(dataSource, "dataset_images"), count(dataSource, "sweeps"), bucket.keys(""));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the stack's state", e);
    }
  }

  private static long count(AgroalDataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
