package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.contracts.explain.Explanation.ClassScore;
import io.featureviz.contracts.explain.Explanation.NeuronGroup;
import io.featureviz.contracts.explain.Explanation.PositionAttribution;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Status and progress events from {@code fv.events}: a job only moves forward, and an explain
 * job keeps the explanation of its success.
 */
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

  @Test
  void explainJobKeepsTheExplanationOfItsSuccessOnceAndACancelledJobGetsNone() throws Exception {
    String job = UUID.randomUUID().toString();
    String cancelled = UUID.randomUUID().toString();
    bus.sendEvent(job, JobEvent.status(job, JobStatus.RUNNING, null, "w1", 0, 256));
    bus.sendEvent(job, JobEvent.explained(job, explanation(207, 2.5), "w1", 256, 256));
    // redelivered, and a late success carrying other numbers: the first explanation stays
    bus.sendEvent(job, JobEvent.explained(job, explanation(207, 2.5), "w1", 256, 256));
    bus.sendEvent(job, JobEvent.explained(job, explanation(1, 9.0), "w2", 256, 256));
    bus.sendEvent(job, JobEvent.status(cancelled, JobStatus.CANCELLED, "by user", "w1", 3, 256));
    bus.sendEvent(job, JobEvent.explained(cancelled, explanation(207, 2.5), "w1", 256, 256));
    String marker = UUID.randomUUID().toString();
    bus.sendEvent(job, JobEvent.status(marker, JobStatus.QUEUED, null, null, 0, 1));
    bus.awaitRow("SELECT * FROM jobs WHERE id = ?", marker);

    Map<String, Object> row =
        bus.rows("SELECT status, explanation::text AS e FROM jobs WHERE id = ?", job).get(0);
    assertEquals("SUCCEEDED", row.get("status"));
    assertEquals(explanation(207, 2.5),
        Messages.mapper().readValue((String) row.get("e"), Explanation.class));
    assertEquals(1, bus.rows("SELECT * FROM job_status_history WHERE job_id = ?"
        + " AND status = 'SUCCEEDED'", job).size());
    Map<String, Object> cancelledRow =
        bus.rows("SELECT status, explanation FROM jobs WHERE id = ?", cancelled).get(0);
    assertEquals("CANCELLED", cancelledRow.get("status"));
    assertNull(cancelledRow.get("explanation"));
  }

  /** A small explanation of class {@code index} whose strongest channel has {@code top}. */
  private static Explanation explanation(int index, double top) {
    ClassScore explained = new ClassScore(index, "goldfish", 0.9, 12.5);
    return new Explanation("mobilenet_v2", "expanded_conv_12/add", "fish.jpg",
        ExplainMethod.GRAD, explained, List.of(explained),
        List.of(new ChannelAttribution(5, top), new ChannelAttribution(2, -0.5)), null, 1, 1,
        List.of(new PositionAttribution(0, 0, top - 0.5, List.of(5, 2))),
        List.of(new NeuronGroup(0, top, List.of(5), List.of(0.0, 1.0))));
  }
}
