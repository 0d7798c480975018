package io.featureviz.worker.jobs;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.events;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.framesOf;
import static io.featureviz.worker.KafkaTestClient.headers;
import static io.featureviz.worker.KafkaTestClient.terminal;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.worker.KafkaTestClient;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.config.WorkerConfig;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Render jobs queued together on one worker (concurrency 1, max-batch 8) render as one pack:
 * each keeps its own statuses, progress, frames and cancellation, its PNGs are those it gets
 * rendered alone, and the pack's records are committed once all of its jobs ended.
 */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class PackedJobsTest {

  /** Long enough (seconds here) to cancel one member while the pack renders. */
  private static final int STEPS = 160;
  private static final List<Integer> THRESHOLDS = List.of(80, STEPS);
  private static final int PACK_PARTITION = 1;

  @Inject
  MeterRegistry registry;

  @Inject
  WorkerConfig config;

  @Test
  void queuedRenderJobsRenderAsOnePackAndGiveTheBytesTheyGetAlone() throws Exception {
    JobRequest one = job("expanded_conv_2/add:5", 1, 11);
    JobRequest two = job("expanded_conv_2/add:1", 2, 12);
    JobRequest cancelled = job("expanded_conv_2/add:7", 1, 13);
    // mixed4 is InceptionV3's: fails before the pack renders
    JobRequest unfit = job("mixed4:97", 1, 14);
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      // a long job holds the worker's only slot while the others queue up behind it
      String blocker = "job-" + UUID.randomUUID();
      send(0, TestJobs.job(blocker, "expanded_conv_2/add:5", 50_000, List.of(50_000), 1));
      // Its first step comes well after the poll that took it: a fetch still in flight then
      // (fetch.max.wait.ms) would hand the consumer the first queued record alone.
      events.await(r -> events(r, blocker).stream()
          .anyMatch(e -> e.type() == JobEvent.Type.PROGRESS), JOB_TIMEOUT,
          "the long job to take steps");
      DistributionSummary units = registry.get("fv.worker.pack.jobs").summary();
      long unitsBefore = units.count();
      double jobsBefore = units.totalAmount();
      List<RecordMetadata> queued = List.of(send(PACK_PARTITION, one),
          send(PACK_PARTITION, two), send(PACK_PARTITION, cancelled), send(PACK_PARTITION, unfit));
      cancel(blocker);

      events.await(r -> events(r, cancelled.id()).stream()
          .anyMatch(e -> e.type() == JobEvent.Type.PROGRESS), JOB_TIMEOUT, "the pack to render");
      long committedWhileRendering = committed(new TopicPartition(Topics.JOBS, PACK_PARTITION));
      cancel(cancelled.id());
      List<ConsumerRecord<String, byte[]>> atCancel = events.await(
          r -> finished(r, cancelled.id()), JOB_TIMEOUT, "the cancelled job to end");
      assertFalse(finished(atCancel, one.id()) || finished(atCancel, two.id()),
          "the cancelled job's status waited for the end of the pack");
      List<ConsumerRecord<String, byte[]>> seen = events.await(
          r -> List.of(one, two, cancelled, unfit).stream().allMatch(j -> finished(r, j.id())),
          JOB_TIMEOUT, "the pack's jobs to end");

      assertTrue(committedWhileRendering <= queued.get(0).offset(),
          "committed " + committedWhileRendering + " while the pack from offset "
              + queued.get(0).offset() + " rendered");
      await().atMost(Duration.ofSeconds(30)).until(() -> committed(
          new TopicPartition(Topics.JOBS, PACK_PARTITION)) == queued.get(3).offset() + 1);
      // the three jobs reading expanded_conv_2/add as one unit, the mixed4 job (another layer,
      // so another RenderPack.Key) as one of its own
      assertEquals(2, units.count() - unitsBefore, "units of work for the four jobs");
      assertEquals(4.0, units.totalAmount() - jobsBefore);
      assertEquals(3.0, units.max(), "the three packable jobs in one unit");

      for (JobRequest job : List.of(one, two, cancelled, unfit)) {
        assertEquals(JobStatus.RUNNING, events(seen, job.id()).stream()
            .filter(e -> e.type() == JobEvent.Type.STATUS).findFirst().orElseThrow().status());
      }
      assertEquals(JobStatus.SUCCEEDED, terminal(seen, one.id()).status());
      assertEquals(JobStatus.SUCCEEDED, terminal(seen, two.id()).status());
      JobEvent stopped = terminal(seen, cancelled.id());
      assertEquals(JobStatus.CANCELLED, stopped.status());
      assertTrue(stopped.step() < STEPS, "stopped early, at " + stopped.step());
      JobEvent failed = terminal(seen, unfit.id());
      assertEquals(JobStatus.FAILED, failed.status());
      assertTrue(failed.reason().contains("invalid objective"), failed.reason());

      List<ConsumerRecord<String, byte[]>> packFrames = frames.await(
          r -> framesOf(r, one.id()).size() >= 2 && framesOf(r, two.id()).size() >= 4,
          Duration.ofSeconds(10), "the frames of the pack");
      assertEquals(Set.of("0/80", "0/160"), keys(framesOf(packFrames, one.id())));
      assertEquals(Set.of("0/80", "1/80", "0/160", "1/160"),
          keys(framesOf(packFrames, two.id())));
      assertTrue(framesOf(packFrames, cancelled.id()).stream()
          .noneMatch(f -> FrameHeaders.fromHeaders(headers(f)).isFinal()));
      assertEquals(List.of(), framesOf(packFrames, unfit.id()));

      for (JobRequest job : List.of(one, two)) {
        JobRequest alone = TestJobs.withId(job, "job-" + UUID.randomUUID());
        send(PACK_PARTITION, alone);
        events.await(r -> finished(r, alone.id()), JOB_TIMEOUT, "the job alone");
        List<ConsumerRecord<String, byte[]>> all = frames.await(
            r -> framesOf(r, alone.id()).size() >= 2 * job.batch(), Duration.ofSeconds(10),
            "the frames of the job alone");
        Map<String, byte[]> packed = pngs(framesOf(all, job.id()));
        Map<String, byte[]> rendered = pngs(framesOf(all, alone.id()));
        assertEquals(packed.keySet(), rendered.keySet());
        packed.forEach((key, png) -> assertArrayEquals(png, rendered.get(key),
            job.objective() + " " + key + ": packed and alone differ"));
      }
    }
  }

  private static JobRequest job(String objective, int batch, long seed) {
    return TestJobs.withSeed(TestJobs.job("job-" + UUID.randomUUID(), objective, STEPS,
        THRESHOLDS, batch), seed);
  }

  private static RecordMetadata send(int partition, JobRequest job) {
    return KafkaTestClient.send(new ProducerRecord<>(Topics.JOBS, partition, job.id(),
        Messages.write(job)));
  }

  private static void cancel(String id) {
    KafkaTestClient.send(new ProducerRecord<>(Topics.EVENTS, id,
        Messages.write(JobEvent.cancelRequested(id, "user asked"))));
  }

  /** The workers' committed offset of a partition; -1 when none is. */
  private long committed(TopicPartition partition)
      throws InterruptedException, ExecutionException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        KafkaTestClient.bootstrapServers()))) {
      OffsetAndMetadata offset = admin.listConsumerGroupOffsets(config.jobs().groupId())
          .partitionsToOffsetAndMetadata().get().get(partition);
      return offset == null ? -1 : offset.offset();
    }
  }

  /** "batch index/step" of each frame. */
  private static Set<String> keys(List<ConsumerRecord<String, byte[]>> frames) {
    return pngs(frames).keySet();
  }

  private static Map<String, byte[]> pngs(List<ConsumerRecord<String, byte[]>> frames) {
    return frames.stream().collect(Collectors.toMap(f -> {
      FrameHeaders headers = FrameHeaders.fromHeaders(headers(f));
      return headers.batchIndex() + "/" + headers.step();
    }, ConsumerRecord::value));
  }
}
