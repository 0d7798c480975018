package io.featureviz.worker.jobs;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.events;
import static io.featureviz.worker.KafkaTestClient.finished;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.worker.KafkaTestClient;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.engine.WorkerIdentity;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A second worker ({@link ExtraWorkers}) joins the consumer group in this JVM: the two split
 * the partitions of {@code fv.jobs} and both render jobs.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class TwoWorkersTest {

  @Inject
  JobConsumer first;

  @Inject
  WorkerIdentity firstIdentity;

  @Inject
  ExtraWorkers workers;

  @Test
  void twoInstancesShareThePartitionsAndBothRender() throws InterruptedException {
    JobConsumer second = workers.start("second-worker");
    try (Tail tail = new Tail(Topics.EVENTS)) {
      await().atMost(JOB_TIMEOUT).until(() -> !first.assigned().isEmpty()
          && !second.assigned().isEmpty()
          && first.assigned().size() + second.assigned().size() == Topics.JOBS_PARTITIONS);

      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 2 * Topics.JOBS_PARTITIONS; i++) {
        String id = "job-" + UUID.randomUUID();
        ids.add(id);
        KafkaTestClient.send(new ProducerRecord<>(Topics.JOBS, i % Topics.JOBS_PARTITIONS, id,
            Messages.write(TestJobs.job(id, "expanded_conv_2/add:5"))));
      }
      List<ConsumerRecord<String, byte[]>> seen = tail.await(
          r -> ids.stream().allMatch(id -> finished(r, id)), JOB_TIMEOUT.multipliedBy(2),
          "all jobs to finish");

      Set<String> workers = ids.stream().flatMap(id -> events(seen, id).stream())
          .filter(e -> e.status() == JobStatus.SUCCEEDED)
          .map(JobEvent::worker).collect(Collectors.toSet());
      assertEquals(Set.of(firstIdentity.id(), "second-worker"), workers);
    } finally {
      second.stop(null);
    }
    await().atMost(Duration.ofSeconds(60))
        .until(() -> first.assigned().size() == Topics.JOBS_PARTITIONS);
  }
}
