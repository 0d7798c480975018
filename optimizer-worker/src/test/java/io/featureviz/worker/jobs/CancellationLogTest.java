package io.featureviz.worker.jobs;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.framesOf;
import static io.featureviz.worker.KafkaTestClient.sendJob;
import static io.featureviz.worker.KafkaTestClient.terminal;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.worker.KafkaTestClient;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.WorkerIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code fv.cancellations} tells a worker of the cancel requests published before it started (a
 * restart, a scale-out), before it takes any job, and of later ones as they come.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class CancellationLogTest {

  @Inject
  Cancellations cancellations;

  @Inject
  WorkerConfig config;

  @Inject
  WorkerIdentity identity;

  @Inject
  @Identifier("default-kafka-broker")
  Map<String, Object> kafka;

  @Test
  void anInstanceStartedAfterARequestKnowsItOnceCaughtUp() throws InterruptedException {
    String before = UUID.randomUUID().toString();
    requestCancel(before);
    // what a worker started now reads: its own log and memory, the broker's topic
    Cancellations fresh = new Cancellations();
    CancellationLog log = new CancellationLog(fresh, config, kafka, identity);
    log.start(null);
    try {
      assertTrue(log.awaitCaughtUp(Duration.ofSeconds(30)), "never caught up");
      assertTrue(fresh.remembers(before), "a request published before the start was not read");

      String after = UUID.randomUUID().toString();
      requestCancel(after);
      await().atMost(Duration.ofSeconds(30)).until(() -> fresh.remembers(after));
    } finally {
      log.stop(null);
    }
  }

  @Test
  void aJobCancelledThroughTheLogAloneEndsCancelledWithoutRendering() {
    String id = UUID.randomUUID().toString();
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      requestCancel(id);
      await().atMost(Duration.ofSeconds(30)).until(() -> cancellations.remembers(id));
      sendJob(id, Messages.write(TestJobs.job(id, "expanded_conv_2/add:5", 5000, List.of(10),
          1)));

      JobEvent cancelled = terminal(
          events.await(r -> finished(r, id), JOB_TIMEOUT, "cancellation of " + id), id);
      assertEquals(JobStatus.CANCELLED, cancelled.status());
      assertEquals(0, cancelled.step(), "not a step rendered");
      assertEquals(List.of(), framesOf(frames.records(Duration.ofSeconds(1)), id));
    }
  }

  /** As the job API does, besides the same request on {@code fv.events}. */
  private static void requestCancel(String jobId) {
    KafkaTestClient.send(new ProducerRecord<>(Topics.CANCELLATIONS, jobId,
        Messages.write(JobEvent.cancelRequested(jobId, "user asked"))));
  }
}
