package io.featureviz.worker.jobs;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.events;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.framesOf;
import static io.featureviz.worker.KafkaTestClient.headers;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.FrameHeaders;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Scaling out while a long job renders (issue 14): a third worker joins two, the group
 * rebalances, and the running job stays with its owner, rendered once, while the newcomer
 * takes queued work.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class JoiningWorkerTest {

  private static final String OBJECTIVE = "expanded_conv_2/add:5";
  /** Long enough (tens of seconds here) to be running through both rebalance rounds. */
  private static final int LONG_STEPS = 3000;

  @Inject
  JobConsumer first;

  @Inject
  WorkerIdentity firstIdentity;

  @Inject
  ExtraWorkers workers;

  @Test
  void aJoiningWorkerTakesQueuedJobsAndLeavesTheRunningOneToItsOwner()
      throws InterruptedException {
    JobConsumer second = workers.start("second-worker");
    JobConsumer third = null;
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      await().atMost(JOB_TIMEOUT).until(() -> !second.assigned().isEmpty()
          && first.assigned().size() + second.assigned().size() == Topics.JOBS_PARTITIONS);
      // The job goes to the worker with two partitions, the one that gives one up, and to the
      // partition Kafka's sticky assignor alone would move: it keeps the first ones it owns.
      JobConsumer owner = first.assigned().size() > second.assigned().size() ? first : second;
      String ownerId = owner == first ? firstIdentity.id() : "second-worker";
      TopicPartition busy = List.copyOf(owner.assigned()).get(owner.assigned().size() - 1);
      String longJob = send(busy.partition(), LONG_STEPS);
      events.await(r -> events(r, longJob).stream().anyMatch(e -> e.status() == JobStatus.RUNNING),
          JOB_TIMEOUT, "the long job to start");

      third = workers.start("third-worker");
      JobConsumer newcomer = third;
      await().atMost(JOB_TIMEOUT).until(() -> Stream.of(first, second, newcomer)
          .allMatch(w -> w.assigned().size() == 1));
      assertFalse(finished(events.records(Duration.ZERO), longJob),
          "the long job must still run while the third worker joins; give it more steps");
      List<String> queued = new ArrayList<>();
      for (int p = 0; p < Topics.JOBS_PARTITIONS; p++) {
        queued.add(send(p, 6));
      }

      List<ConsumerRecord<String, byte[]>> seen = events.await(r -> finished(r, longJob)
          && queued.stream().allMatch(id -> finished(r, id)), JOB_TIMEOUT.multipliedBy(3),
          "every job to finish");

      List<JobEvent> running = events(seen, longJob).stream()
          .filter(e -> e.status() == JobStatus.RUNNING).toList();
      assertEquals(1, running.size(), "the long job started once: " + running);
      assertEquals(ownerId, running.get(0).worker());
      assertTrue(busy.equals(owner.assigned().iterator().next()),
          "the owner kept the partition of its running job");
      Map<String, Long> framesPerStep = framesOf(frames.await(r -> framesOf(r, longJob).size() >= 2,
          JOB_TIMEOUT, "the long job's frames"), longJob).stream().collect(Collectors.groupingBy(f -> new String(
              headers(f).get(FrameHeaders.STEP), StandardCharsets.UTF_8),
              Collectors.counting()));
      assertTrue(framesPerStep.values().stream().allMatch(n -> n == 1),
          "one frame per step of the long job: " + framesPerStep);
      assertTrue(queued.stream().flatMap(id -> events(seen, id).stream())
          .anyMatch(e -> e.status() == JobStatus.SUCCEEDED && "third-worker".equals(e.worker())),
          "the joining worker rendered queued jobs");
    } finally {
      second.stop(null);
      if (third != null) {
        third.stop(null);
      }
    }
    await().atMost(JOB_TIMEOUT)
        .until(() -> first.assigned().size() == Topics.JOBS_PARTITIONS);
  }

  private static String send(int partition, int steps) {
    String id = "job-" + UUID.randomUUID();
    KafkaTestClient.send(new ProducerRecord<>(Topics.JOBS, partition, id,
        Messages.write(TestJobs.job(id, OBJECTIVE, steps, List.of(steps / 2), 1))));
    return id;
  }
}
