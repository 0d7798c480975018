package io.featureviz.client.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.bench.PipelineTimeline;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.stack.DevelopmentKey;
import io.featureviz.client.stack.HealthProbe;
import io.featureviz.client.stack.InfraControl;
import io.featureviz.client.stack.StackStatus;
import io.featureviz.client.sweeps.SweepResult;
import io.featureviz.client.sweeps.SweepSpec;
import io.featureviz.client.sweeps.SweepWaiter;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.render.RenderDefaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Faults injected into a stack of real processes (two workers): SIGKILLed worker and sink, an
 * object store outage, a Kafka restart, jobs that cannot render, a worker killed mid-sweep,
 * a job cancelled while every worker is down. After
 * each, every frame of the job (or sweep) is in PostgreSQL and in the bucket exactly once. Logs in {@code target/fault-test/logs}.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FaultToleranceTest {

  private static final String MODEL = "mobilenet_v2";
  /** mobilenet_v2's first convolution: cheap channels for a sweep. */
  private static final String SWEEP_LAYER = "Conv";
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(150);
  private static TestStack stack;

  @BeforeAll
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  static void startStack() {
    stack = TestStack.start("target/fault-test", Map.of());
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Order(1)
  void jobsThatCannotRenderFailWithAReasonAndTheWorkersCarryOn() {
    // 1e38 times a logit overflows float32: the objective becomes infinite, its gradient NaN
    String overflowing = submit(JobSpec.of(MODEL, "1e38*logit:goldfish").withSize(32)
        .withSteps(16, List.of(16)));
    String unknownModel = UUID.randomUUID().toString();
    // the API refuses an unknown model itself; a producer that skips it reaches the worker
    produce(new JobRequest(Messages.VERSION, unknownModel, DevelopmentKey.TENANT,
        "no_such_model", "softmax:0", 32, 4, List.of(4), 1, 0, RenderDefaults.LEARNING_RATE,
        RenderDefaults.PARAM, true, RenderDefaults.TRANSFORMS,
        System.currentTimeMillis()));

    awaitStatus(overflowing, "FAILED");
    awaitStatus(unknownModel, "FAILED");
    assertTrue(reason(overflowing).contains("not finite"), reason(overflowing));
    assertTrue(reason(unknownModel).contains("unknown model"), reason(unknownModel));

    String next = submit(smallJob(8));
    awaitStatus(next, "SUCCEEDED");
    assertAllRunning();
  }

  @Test
  @Order(2)
  void workerKilledMidJobLeavesTheJobToBeRenderedAgain() throws Exception {
    List<Integer> thresholds = List.of(5, 50, 100, 150, 200);
    String id;
    String worker;
    // opened first: it reads fv.events from the moment it is assigned its partitions
    try (PipelineTimeline timeline = new PipelineTimeline(stack.state.kafkaBootstrapServers())) {
      id = submit(JobSpec.of(MODEL, "softmax:flamingo").withSize(48)
          .withSteps(200, thresholds));
      awaitFrameRows(id, 1);
      Await.until("the RUNNING event of " + id, Duration.ofSeconds(10), stack.logs,
          () -> timeline.status(id, JobStatus.RUNNING).isPresent());
      worker = componentOfWorker(timeline.status(id, JobStatus.RUNNING).get().worker());
    }
    assertTrue(stack.api.get(id).path("status").asText().equals("RUNNING"),
        "the job ended before the kill; it must be longer for this test");

    stack.stack.kill(worker);
    // the partition moves once the group notices the dead member; a fresh worker joins too
    stack.stack.restart(worker);

    awaitStatus(id, "SUCCEEDED");
    assertEveryFrameStoredOnce(id, thresholds.size());
  }

  @Test
  @Order(3)
  void sinkKilledMidStreamStoresEveryFrameAfterItsRestart() {
    List<Integer> thresholds = IntStream.rangeClosed(1, 20).map(i -> i * 10).boxed().toList();
    String id = submit(JobSpec.of(MODEL, "softmax:goldfish").withSize(48)
        .withSteps(200, thresholds).withBatch(2));
    awaitFrameRows(id, 1);

    stack.stack.kill("storage-sink");
    // the worker goes on producing into fv.frames while nothing consumes it
    Await.sleep(Duration.ofSeconds(3));
    stack.stack.restart("storage-sink");

    awaitStatus(id, "SUCCEEDED");
    assertEveryFrameStoredOnce(id, thresholds.size() * 2);
  }

  @Test
  @Order(4)
  void objectStoreOutageIsWaitedOutAndReportedByReadiness() throws Exception {
    List<Integer> thresholds = IntStream.rangeClosed(1, 10).map(i -> i * 20).boxed().toList();
    String id = submit(JobSpec.of(MODEL, "softmax:strawberry").withSize(48)
        .withSteps(200, thresholds));
    awaitFrameRows(id, 1);

    stack.stack.control(InfraControl.S3_STOP);
    long stopped = System.nanoTime();
    long rowsAtStop = stack.database.frameRows(id);
    String sinkUrl = stack.state.component("storage-sink").url();
    Await.until("storage-sink readiness DOWN during the outage", Duration.ofSeconds(20),
        stack.logs, () -> !HealthProbe.isReady(sinkUrl));
    String readiness = readiness(sinkUrl);
    assertTrue(readiness.contains("object-store") && readiness.contains("DOWN"), readiness);
    // The API reports the outage as degraded health, and stays ready for new jobs.
    String apiHealth = get(stack.state.apiUrl() + "/q/health");
    assertTrue(apiHealth.contains("object-store") && apiHealth.contains("DOWN"), apiHealth);
    assertTrue(HealthProbe.isReady(stack.state.apiUrl()), "job-api stays ready");
    Await.sleep(Duration.ofSeconds(30).minusNanos(System.nanoTime() - stopped));
    // a row only follows its object, so none can have been added while the store was down
    assertEquals(rowsAtStop, stack.database.frameRows(id), "frame rows during the outage");
    stack.stack.control(InfraControl.S3_START);

    Await.until("storage-sink ready after the outage", Duration.ofSeconds(30), stack.logs,
        () -> HealthProbe.isReady(sinkUrl));
    Await.until("job-api healthy after the outage", Duration.ofSeconds(30), stack.logs,
        () -> get(stack.state.apiUrl() + "/q/health").replaceAll("\\s", "")
            .startsWith("{\"status\":\"UP\""));
    awaitStatus(id, "SUCCEEDED");
    assertEveryFrameStoredOnce(id, thresholds.size());
  }

  @Test
  @Order(5)
  void jobsAcceptedBeforeAKafkaRestartComplete() {
    List<String> accepted = IntStream.range(0, 3).mapToObj(i -> submit(smallJob(32))).toList();

    stack.stack.control(InfraControl.KAFKA_RESTART);

    for (String id : accepted) {
      awaitStatus(id, "SUCCEEDED");
      assertEveryFrameStoredOnce(id, 2);
    }
    String afterRestart = submit(smallJob(8));
    awaitStatus(afterRestart, "SUCCEEDED");
    assertAllRunning();
  }

  /**
   * A one-layer sweep (two shards of 8 channels) whose worker is SIGKILLed mid-shard: every
   * channel ends with exactly one final image, and the sweep's view, PostgreSQL's final frames
   * and the bucket agree. The same sweep again reuses every channel and adds no job.
   */
  @Test
  @Order(6)
  void sweepLosesNoChannelToAKilledWorkerAndIsReusedWhenSubmittedAgain() throws Exception {
    SweepSpec spec = SweepSpec.of(MODEL, List.of(SWEEP_LAYER)).withChannels("0-15")
        .withRender(48, 100, null);
    String id;
    String worker;
    try (PipelineTimeline timeline = new PipelineTimeline(stack.state.kafkaBootstrapServers())) {
      id = stack.sweeps.submit(spec).path("id").asText();
      Await.until("a shard of sweep " + id + " RUNNING", JOB_TIMEOUT, stack.logs,
          () -> !timeline.statuses(JobStatus.RUNNING).isEmpty());
      worker = componentOfWorker(timeline.statuses(JobStatus.RUNNING).get(0).worker());
    }
    String status = stack.sweeps.get(id).path("status").asText();
    assertTrue(List.of("queued", "running").contains(status),
        "the sweep ended (" + status + ") before the kill; it must be longer for this test");

    stack.stack.kill(worker);
    stack.stack.restart(worker);

    SweepResult swept = new SweepWaiter(stack.sweeps).await(id, (name, data) -> { });
    assertEquals("succeeded", swept.status(), swept::toString);
    assertEquals(16, swept.channelsTotal(), swept::toString);
    assertEquals(16, swept.channelsDone(), swept::toString);
    Map<Integer, String> images = channelImages(stack.sweeps.get(id));
    assertEquals(IntStream.range(0, 16).boxed().collect(Collectors.toSet()), images.keySet(),
        "one image per channel: " + swept);
    assertEveryChannelStoredOnce(images);

    long jobs = stack.database.allJobRows();
    String resubmitted = stack.sweeps.submit(spec).path("id").asText();
    SweepResult again = new SweepWaiter(stack.sweeps).await(resubmitted, (name, data) -> { });
    assertEquals("succeeded", again.status(), again::toString);
    assertEquals(16, again.channelsReused(), again::toString);
    assertEquals(images, channelImages(stack.sweeps.get(resubmitted)), "the same images");
    assertEquals(jobs, stack.database.allJobRows(), "no new shard job");
  }

  /**
   * A job cancelled while no worker runs is not rendered by the workers that start afterwards:
   * they read the requests of {@code fv.cancellations} from its start before they take a job.
   */
  @Test
  @Order(7)
  void aJobCancelledWhileNoWorkerRunsIsNotRenderedByTheWorkersStartedLater() {
    List<String> workers = stack.stack.status().components().keySet().stream()
        .filter(name -> name.startsWith("optimizer-worker")).toList();
    assertEquals(2, workers.size(), workers::toString);
    workers.forEach(stack.stack::kill);
    String id = submit(smallJob(8));
    stack.api.cancel(id);
    workers.forEach(stack.stack::restart);

    awaitStatus(id, "CANCELLED");
    assertEquals(0, stack.database.frameRows(id), "frames of a job cancelled before it ran");
    String next = submit(smallJob(8));
    awaitStatus(next, "SUCCEEDED");
  }

  /**
   * The sweep's images ({@code job_id/batch_index} per channel) are exactly its shards' final
   * frames in PostgreSQL, each in the bucket, and every frame of the shards is stored once.
   */
  private static void assertEveryChannelStoredOnce(Map<Integer, String> images) {
    Set<String> shards = images.values().stream().map(image -> image.split("/")[0])
        .collect(Collectors.toSet());
    List<StackDatabase.FinalFrame> finals = stack.database.finalFrames(shards);
    assertEquals(new HashSet<>(images.values()), finals.stream()
        .map(f -> f.jobId() + "/" + f.batchIndex()).collect(Collectors.toSet()),
        "the sweep's images are the shards' final frames in PostgreSQL");
    assertEquals(images.size(), finals.size(), "final frame rows");
    List<String> objects = new ArrayList<>();
    shards.forEach(shard -> objects.addAll(stack.objects.keys("jobs/" + shard + "/")));
    assertEquals(stack.database.frameRows(shards), objects.size(), "frame objects vs rows");
    assertEquals(objects.size(), stack.database.distinctObjectKeys(shards), "each frame once");
    assertTrue(objects.containsAll(finals.stream().map(StackDatabase.FinalFrame::objectKey)
        .toList()), "every final frame's object is in the bucket");
  }

  /** Each channel of a one-layer sweep's view and its image: {@code job_id/batch_index}. */
  private static Map<Integer, String> channelImages(JsonNode sweep) {
    Map<Integer, String> images = new HashMap<>();
    for (JsonNode artifact : sweep.path("artifacts")) {
      String image = artifact.path("job_id").asText() + "/" + artifact.path("batch_index").asInt();
      assertNull(images.put(artifact.path("channel").asInt(), image),
          "two artifacts of one channel: " + sweep);
    }
    return images;
  }

  private static JobSpec smallJob(int steps) {
    return JobSpec.of(MODEL, "softmax:goldfish").withSize(32)
        .withSteps(steps, List.of(steps / 2, steps));
  }

  private static String submit(JobSpec spec) {
    return stack.api.submit(spec).path("id").asText();
  }

  private static void produce(JobRequest request) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.state.kafkaBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.JOBS, request.id(), Messages.write(request)))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("cannot produce job " + request.id(), e);
    }
  }

  /** The job's status as the API reports it; empty while the API does not know the job yet. */
  private static String status(String id) {
    try {
      return stack.api.get(id).path("status").asText();
    } catch (ApiProblemException e) {
      assertEquals(404, e.status(), e.getMessage());
      return "";
    }
  }

  private static String reason(String id) {
    return stack.api.get(id).path("reason").asText();
  }

  private static void awaitStatus(String id, String expected) {
    Await.until("job " + id + " " + expected + " (last seen " + status(id) + ")", JOB_TIMEOUT,
        stack.logs, () -> {
          String status = status(id);
          if (!status.equals(expected) && List.of("SUCCEEDED", "FAILED", "CANCELLED")
              .contains(status)) {
            throw new AssertionError("job " + id + " ended " + status + ", not " + expected
                + ": " + stack.api.get(id));
          }
          return status.equals(expected);
        });
  }

  private static void awaitFrameRows(String id, long rows) {
    Await.until(rows + " stored frame(s) of job " + id, JOB_TIMEOUT, stack.logs,
        () -> stack.database.frameRows(id) >= rows);
  }

  /**
   * Exactly one row, one object key and one object per (step, batch index), all announced.
   * Frames and status travel on different topics, so the last frames may follow SUCCEEDED.
   */
  private static void assertEveryFrameStoredOnce(String id, int frames) {
    awaitFrameRows(id, frames);
    assertEquals(frames, stack.database.frameRows(id), "frame rows of " + id);
    assertEquals(frames, stack.database.distinctObjectKeys(id), "object keys of " + id);
    assertEquals(frames, stack.objects.keys("jobs/" + id + "/").size(), "objects of " + id);
    assertEquals(frames, stack.api.get(id).path("artifacts").size(), "artifacts of " + id);
  }

  /** The component whose PID ends the worker id of a status event ({@code host-pid}). */
  private static String componentOfWorker(String workerId) {
    long pid = Long.parseLong(workerId.substring(workerId.lastIndexOf('-') + 1));
    return stack.stack.status().components().entrySet().stream()
        .filter(c -> c.getValue().pid() == pid).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("no component has the PID of " + workerId));
  }

  private static void assertAllRunning() {
    StackStatus status = stack.stack.status();
    assertTrue(status.running(), () -> "not every component is alive and ready: " + status);
  }

  private static String readiness(String serviceUrl) throws Exception {
    return get(HealthProbe.readinessUrl(serviceUrl));
  }

  private static String get(String url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
