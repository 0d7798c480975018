package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Status and progress events from {@code fv.events}: a job only moves forward. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobEventConsumerTest {

  @Inject
  SinkTestSupport bus;

  @Test
  void statusOnlyMovesForwardAndHistoryIsRecordedOnce() throws Exception {
    String job = UUID.randomUUID().toString();
    bus.sendEvent(job, JobEvent.status(job, JobStatus.QUEUED, null, null, 0, 64));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.RUNNING, null, "w1", 0, 64));
    bus.sendEvent(job, JobEvent.progress(job, 32, 64, 7.5, "w1"));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.SUCCEEDED, null, "w1", 64, 64));
    // Late and redelivered events: none may move the job back.
    bus.sendEvent(job, JobEvent.status(job, JobStatus.RUNNING, null, "w2", 0, 64));
    bus.sendEvent(job, JobEvent.progress(job, 40, 64, 1.0, "w2"));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.FAILED, "late failure", "w2", 0, 64));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.SUCCEEDED, null, "w1", 64, 64));
    String marker = UUID.randomUUID().toString();
    bus.sendEvent(job, JobEvent.status(marker, JobStatus.QUEUED, null, null, 0, 1));
    bus.awaitRow("SELECT * FROM jobs WHERE id = ?", marker);

    Map<String, Object> row = bus.rows("SELECT * FROM jobs WHERE id = ?", job).get(0);
    assertEquals("SUCCEEDED", row.get("status"));
    assertEquals(64, row.get("progress_step"));
    assertEquals(7.5, row.get("last_objective_value"));
    assertEquals(null, row.get("reason"));
    List<Object> history = bus.rows(
        "SELECT status FROM job_status_history WHERE job_id = ? ORDER BY event_at, status", job)
        .stream().map(r -> r.get("status")).toList();
    assertEquals(List.of("QUEUED", "RUNNING", "SUCCEEDED"), history);
  }
}
