package io.featureviz.worker;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.events;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.framesOf;
import static io.featureviz.worker.KafkaTestClient.headers;
import static io.featureviz.worker.KafkaTestClient.sendJob;
import static io.featureviz.worker.KafkaTestClient.terminal;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.engine.WorkerIdentity;
import io.featureviz.worker.jobs.Cancellations;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class OptimizerWorkerTest {

  private static final String OBJECTIVE = "expanded_conv_2/add:5";

  @Inject
  WorkerIdentity identity;

  @Inject
  MeterRegistry registry;

  @Inject
  Cancellations cancellations;

  @Test
  void rendersAJobIntoFramesBetweenRunningAndSucceeded() throws IOException {
    String id = newJobId();
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      sendJob(id, Messages.write(TestJobs.job(id, OBJECTIVE, 6, List.of(2, 4), 2)));

      List<JobEvent> jobEvents = events(
          events.await(r -> finished(r, id), JOB_TIMEOUT, "job " + id + " to finish"), id);
      List<JobEvent> statuses = jobEvents.stream()
          .filter(e -> e.type() == JobEvent.Type.STATUS).toList();
      assertEquals(List.of(JobStatus.RUNNING, JobStatus.SUCCEEDED),
          statuses.stream().map(JobEvent::status).toList());
      assertEquals(identity.id(), statuses.get(0).worker());
      assertTrue(identity.id().endsWith("-" + ProcessHandle.current().pid()), identity.id());

      // three snapshots (steps 2, 4 and the last, 6), two batch elements each
      List<ConsumerRecord<String, byte[]>> jobFrames = frames.await(
          r -> framesOf(r, id).size() >= 6, Duration.ofSeconds(10), "6 frames");
      Map<String, FrameHeaders> byKey = new HashMap<>();
      for (ConsumerRecord<String, byte[]> frame : framesOf(jobFrames, id)) {
        FrameHeaders headers = FrameHeaders.fromHeaders(headers(frame));
        assertEquals(TestJobs.TENANT, headers.tenant());
        assertEquals(headers.step() == 6, headers.isFinal(), "final flag at step " + headers.step());
        assertEquals(TestJobs.SIZE, headers.width());
        assertTrue(Double.isFinite(headers.objectiveValue()));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(frame.value()));
        assertNotNull(png, "frame is a PNG");
        assertEquals(TestJobs.SIZE, png.getWidth());
        assertEquals(TestJobs.SIZE, png.getHeight());
        byKey.put(headers.objectKey(), headers);
      }
      assertEquals(Set.of(
          "jobs/" + id + "/0/2.png", "jobs/" + id + "/1/2.png",
          "jobs/" + id + "/0/4.png", "jobs/" + id + "/1/4.png",
          "jobs/" + id + "/0/6.png", "jobs/" + id + "/1/6.png"), byKey.keySet());
    }
    // the built-in models' catalog entries may still be on their way (BuiltInCatalogTest)
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready")
        .then().statusCode(200).body("status", is("UP"))
        .body("checks.name", hasItem("Kafka connection health check")));
    given().get("/q/metrics").then().statusCode(200)
        .body(containsString("fv_worker_jobs_total{status=\"succeeded\"}"));
  }

  @Test
  void aJobDeliveredAgainGivesTheSameFramesUnderTheSameKeys() {
    String id = newJobId();
    byte[] job = Messages.write(TestJobs.job(id, OBJECTIVE));
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      sendJob(id, job);
      events.await(r -> finished(r, id), JOB_TIMEOUT, "first delivery of " + id);
      // what a redelivery after a crash before the commit looks like
      sendJob(id, job);
      events.await(r -> events(r, id).stream().filter(e -> e.status() == JobStatus.SUCCEEDED)
          .count() == 2, JOB_TIMEOUT, "second delivery of " + id);

      Map<String, List<byte[]>> pngsByKey = framesOf(frames.await(
          r -> framesOf(r, id).size() >= 6, Duration.ofSeconds(10), "6 frames"), id).stream()
          .collect(Collectors.groupingBy(r -> FrameHeaders.fromHeaders(headers(r)).objectKey(),
              Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
      assertEquals(3, pngsByKey.size(), pngsByKey.keySet().toString());
      pngsByKey.forEach((key, pngs) -> {
        assertEquals(2, pngs.size(), key);
        assertArrayEquals(pngs.get(0), pngs.get(1), key);
      });
    }
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicAndTheNextJobStillRuns() {
    double before = registry.counter("fv.worker.dlq").count();
    String badObjective = newJobId();
    String good = newJobId();
    try (Tail dlq = new Tail(Topics.JOBS_DLQ); Tail events = new Tail(Topics.EVENTS)) {
      RecordMetadata notJson = sendJob("p1", "render a cat".getBytes(StandardCharsets.UTF_8));
      sendJob("p2", "{\"v\":42,\"id\":\"p2\"}".getBytes(StandardCharsets.UTF_8));
      sendJob(badObjective, Messages.write(TestJobs.job(badObjective, "expanded_conv_2/add:(")));
      sendJob(good, Messages.write(TestJobs.job(good, OBJECTIVE)));

      List<ConsumerRecord<String, byte[]>> dead =
          dlq.await(r -> r.size() >= 3, JOB_TIMEOUT, "3 dead letters");
      Map<String, Map<String, String>> byKey = dead.stream().collect(Collectors.toMap(
          ConsumerRecord::key, r -> text(headers(r))));
      assertTrue(byKey.get("p1").get("fv-dlq-reason").startsWith("not JSON"));
      assertEquals(Topics.JOBS, byKey.get("p1").get("fv-dlq-source-topic"));
      assertEquals(Integer.toString(notJson.partition()),
          byKey.get("p1").get("fv-dlq-source-partition"));
      assertEquals(Long.toString(notJson.offset()), byKey.get("p1").get("fv-dlq-source-offset"));
      assertTrue(byKey.get("p2").get("fv-dlq-reason").contains("unknown schema version 42"));
      assertTrue(byKey.get(badObjective).get("fv-dlq-reason").startsWith("invalid job"));
      assertEquals("render a cat", new String(dead.stream().filter(r -> r.key().equals("p1"))
          .findFirst().orElseThrow().value(), StandardCharsets.UTF_8));

      List<ConsumerRecord<String, byte[]>> seen = events.await(
          r -> finished(r, good) && finished(r, badObjective), JOB_TIMEOUT, "both jobs to end");
      assertEquals(JobStatus.SUCCEEDED, terminal(seen, good).status());
      assertEquals(JobStatus.FAILED, terminal(seen, badObjective).status());
    }
    assertEquals(before + 3, registry.counter("fv.worker.dlq").count());
    given().get("/q/metrics").then().body(containsString("fv_worker_dlq_total"));
  }

  @Test
  void aJobCancelledMidRenderEndsCancelledWithoutFurtherFrames() {
    String id = newJobId();
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      // long enough never to finish here; a frame every 10 steps
      List<Integer> thresholds = java.util.stream.IntStream.rangeClosed(1, 500)
          .map(i -> i * 10).boxed().toList();
      sendJob(id, Messages.write(TestJobs.job(id, OBJECTIVE, 5000, thresholds, 1)));
      // a frame, not a progress event: the first progress may come at step 1 (the slow first
      // step passes the throttle's interval), and a cancel handled before step 10 sends none
      frames.await(r -> !framesOf(r, id).isEmpty(), JOB_TIMEOUT, "a frame of " + id);
      // liveness holds while the job renders
      given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));

      KafkaTestClient.send(new ProducerRecord<>(Topics.EVENTS, id,
          Messages.write(JobEvent.cancelRequested(id, "user asked"))));
      JobEvent cancelled = terminal(
          events.await(r -> finished(r, id), JOB_TIMEOUT, "cancellation of " + id), id);
      assertEquals(JobStatus.CANCELLED, cancelled.status());
      assertTrue(cancelled.step() < 5000, "stopped early, at " + cancelled.step());

      List<FrameHeaders> sent = framesOf(frames.records(Duration.ofSeconds(2)), id).stream()
          .map(r -> FrameHeaders.fromHeaders(headers(r))).toList();
      assertTrue(sent.stream().allMatch(f -> f.step() <= cancelled.step() && !f.isFinal()),
          "no frame after step " + cancelled.step());
    }
  }

  @Test
  void aJobCancelledWhileQueuedEndsCancelledWithoutRendering() {
    String id = newJobId();
    try (Tail events = new Tail(Topics.EVENTS); Tail frames = new Tail(Topics.FRAMES)) {
      // the API publishes the request as soon as the user asks, before any worker has the job
      KafkaTestClient.send(new ProducerRecord<>(Topics.EVENTS, id,
          Messages.write(JobEvent.cancelRequested(id, "user asked"))));
      await().atMost(Duration.ofSeconds(30)).until(() -> cancellations.remembers(id));
      sendJob(id, Messages.write(TestJobs.job(id, OBJECTIVE, 5000, List.of(10), 1)));

      JobEvent cancelled = terminal(
          events.await(r -> finished(r, id), JOB_TIMEOUT, "cancellation of " + id), id);
      assertEquals(JobStatus.CANCELLED, cancelled.status());
      assertEquals(0, cancelled.step(), "not a step rendered");
      assertEquals(List.of(), framesOf(frames.records(Duration.ofSeconds(1)), id));
    }
  }

  @Test
  void aJobTheModelCannotRenderFailsWithTheReason() {
    String wrongLayer = newJobId();
    String unknownModel = newJobId();
    try (Tail events = new Tail(Topics.EVENTS)) {
      // mixed4 is an InceptionV3 layer; MobileNetV2 has none of that name
      sendJob(wrongLayer, Messages.write(TestJobs.job(wrongLayer, "mixed4:97")));
      sendJob(unknownModel, Messages.write(TestJobs.withOwner(
          TestJobs.job(unknownModel, OBJECTIVE), TestJobs.TENANT, "no_such_model")));

      List<ConsumerRecord<String, byte[]>> seen = events.await(
          r -> finished(r, wrongLayer) && finished(r, unknownModel), JOB_TIMEOUT, "failures");
      JobEvent failed = terminal(seen, wrongLayer);
      assertEquals(JobStatus.FAILED, failed.status());
      assertTrue(failed.reason().contains("invalid objective for model mobilenet_v2"),
          failed.reason());
      assertTrue(failed.reason().contains("mixed4"), failed.reason());
      JobEvent unknown = terminal(seen, unknownModel);
      assertEquals(JobStatus.FAILED, unknown.status());
      assertTrue(unknown.reason().startsWith("unknown model"), unknown.reason());
    }
    given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
  }

  private static String newJobId() {
    return "job-" + UUID.randomUUID();
  }

  private static Map<String, String> text(Map<String, byte[]> headers) {
    return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> new String(e.getValue(), StandardCharsets.UTF_8)));
  }
}
