package io.featureviz.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.api.ApiHttp;
import io.featureviz.client.bench.PipelineTimeline;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.jobs.JobResult;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.jobs.JobWaiter;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.client.models.ModelsClient;
import io.featureviz.client.stack.DevelopmentKey;
import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackPorts;
import io.featureviz.client.stack.StackSettings;
import io.featureviz.client.stack.StackState;
import io.featureviz.client.stack.StackStatus;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.render.RenderDefaults;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The whole stack as real processes from the packaged jars: infra, storage-sink, job-api and two
 * optimizer workers, on free ports, started once for the class. Logs stay in
 * {@code target/stack-test/logs} for a look after a failure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalStackTest {

  private static final String MODEL = "mobilenet_v2";
  private static LocalStack stack;
  private static StackState state;
  private static JobsClient api;

  @BeforeAll
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  static void startStack() {
    StackSettings settings = new StackSettings(Path.of(System.getProperty("fv.repo.root")),
        FreshState.of(Path.of("target/stack-test")), Path.of(System.getProperty("fv.models.dir")),
        StackPorts.free(), 2);
    stack = new LocalStack(settings, line -> System.err.println("stack: " + line));
    state = stack.start();
    api = new JobsClient(state.apiUrl(), state.apiKey());
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.stop();
      assertFalse(stack.status().running(), "nothing may run after stop()");
    }
  }

  @Test
  @Order(1)
  void statusReportsEveryComponentAliveAndHealthy() {
    StackStatus status = stack.status();
    assertTrue(status.running(), () -> "status: " + status);
    assertEquals(Set.of("infra", "storage-sink", "job-api", "optimizer-worker",
        "optimizer-worker-2"), status.components().keySet());
    assertEquals(state.apiUrl(), status.apiUrl());
    assertEquals(state.apiKey(), status.apiKey());
  }

  @Test
  @Order(1)
  void apiNeedsTheStacksKeyWhichOnlyItsOwnerCanRead() throws IOException {
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(Path.of("target/stack-test/stack.json")));
    ApiProblemException refused = assertThrows(ApiProblemException.class,
        () -> new JobsClient(state.apiUrl(), "not-the-key").list(""));
    assertEquals(401, refused.status());
  }

  @Test
  @Order(2)
  void submitWaitPrintsTheJobWithDownloadablePngs() throws IOException {
    JsonNode job = runCli("submit", "--state", "target/stack-test", "--model", MODEL,
        "--objective", "softmax:goldfish", "--size", "48", "--steps", "8",
        "--thresholds", "4,8", "--batch", "2", "--wait", "--json");

    assertEquals("SUCCEEDED", job.path("status").asText(), job::toString);
    assertTrue(job.path("objective_values").has("8"), job::toString);
    JsonNode artifacts = job.path("artifacts");
    assertEquals(4, artifacts.size(), "2 thresholds x batch 2: " + artifacts);
    for (JsonNode artifact : artifacts) {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(
          api.download(artifact.path("url").asText())));
      assertNotNull(image, "not a PNG: " + artifact);
      assertEquals(48, image.getWidth());
      assertEquals(48, image.getHeight());
    }
    List<String> listed = new ArrayList<>();
    api.list("model=" + MODEL + "&limit=100").path("items")
        .forEach(item -> listed.add(item.path("id").asText()));
    assertTrue(listed.contains(job.path("id").asText()), "listed: " + listed);
  }

  @Test
  @Order(2)
  void submitDatasetExamplesRanksTheBuiltInPhotosIntoDownloadableCrops() throws IOException {
    JsonNode job = runCli("submit", "--state", "target/stack-test", "--kind",
        "dataset_examples", "--model", MODEL, "--objective", "expanded_conv_9/project:11",
        "--top-k", "3", "--wait", "--json");

    assertEquals("SUCCEEDED", job.path("status").asText(), job::toString);
    JsonNode artifacts = job.path("artifacts");
    assertEquals(3, artifacts.size(), artifacts::toString);
    Path photos = Path.of(System.getProperty("fv.models.dir")).resolveSibling("images");
    for (int rank = 0; rank < 3; rank++) {
      JsonNode artifact = artifacts.get(rank);
      assertEquals(rank, artifact.path("batch_index").asInt(), artifacts::toString);
      JsonNode example = artifact.path("example");
      Path photo = photos.resolve(example.path("image").asText());
      assertTrue(Files.isRegularFile(photo), "not a shared photo: " + example);
      assertArrayEquals(Files.readAllBytes(photo),
          api.download(example.path("image_url").asText()), "the source image downloads");
      BufferedImage crop = ImageIO.read(new ByteArrayInputStream(
          api.download(artifact.path("url").asText())));
      assertEquals(128, crop.getWidth());
      JsonNode box = example.path("crop");
      assertTrue(box.get(0).asInt() + box.get(2).asInt() <= example.path("image_width").asInt()
          && box.get(1).asInt() + box.get(3).asInt() <= example.path("image_height").asInt(),
          example::toString);
    }
    assertEquals(2, FvClient.commandLine().execute("submit", "--state", "target/stack-test",
        "--kind", "dataset_examples", "--model", MODEL, "--objective", "expanded_conv_9/project:11",
        "--size", "48"), "render options do not apply to dataset_examples");
  }

  /** A sweep from the command line prints its result, whose URLs download PNGs without the key. */
  @Test
  @Order(2)
  void sweepWaitPrintsEveryChannelWithDownloadablePngs() throws IOException {
    JsonNode sweep = runCli("sweep", "--state", "target/stack-test", "--model", MODEL,
        "--layer", "Conv", "--channels", "0-1", "--size", "32", "--steps", "8", "--wait", "--json");

    assertEquals("succeeded", sweep.path("status").asText(), sweep::toString);
    assertEquals(2, sweep.path("channels_total").asInt(), sweep::toString);
    assertEquals(2, sweep.path("channels_done").asInt(), sweep::toString);
    assertTrue(sweep.path("id").isTextual(), sweep::toString);
    Set<Integer> channels = new HashSet<>();
    for (JsonNode artifact : sweep.path("artifacts")) {
      assertEquals("Conv", artifact.path("layer").asText(), sweep::toString);
      channels.add(artifact.path("channel").asInt());
    }
    assertEquals(Set.of(0, 1), channels, sweep::toString);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(
        api.download(sweep.path("artifacts").get(0).path("url").asText())));
    assertNotNull(image, "not a PNG: " + sweep);
    assertEquals(32, image.getWidth());
    assertEquals(2, FvClient.commandLine().execute("cancel", sweep.path("id").asText(),
        "--state", "target/stack-test"), "a sweep that succeeded cannot be cancelled (409)");
    JsonNode followed = runCli("sweep", "--state", "target/stack-test", "--follow",
        sweep.path("id").asText(), "--json");
    assertEquals(sweep.path("artifacts").size(), followed.path("artifacts").size(),
        followed::toString);
    assertEquals("succeeded", followed.path("status").asText(), followed::toString);
    assertEquals(2, FvClient.commandLine().execute("sweep", "--state", "target/stack-test",
        "--follow", sweep.path("id").asText(), "--model", MODEL), "--follow with sweep options");
  }

  /**
   * An explain job on a shared photo of the built-in {@code photos} dataset ends with its numbers
   * in the job's view and every picture downloadable; an interpolation from the command line
   * renders one final frame per step between its objectives.
   */
  @Test
  @Order(2)
  void explainAndInterpolationJobsSucceedWithTheirNumbersAndDownloadablePngs() throws IOException {
    String layer = "expanded_conv_12/add";
    String body = Json.mapper().writeValueAsString(Map.of("kind", "explain", "model", MODEL,
        "layer", layer, "image", Map.of("dataset", "photos", "name", "owl.jpg"), "groups", 2,
        "steps", 16, "size", 64));
    ApiHttp http = new ApiHttp(state.apiUrl(), state.apiKey());
    String id = http.json(http.request("/v1/jobs").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))).path("id").asText();

    JobResult explained = new JobWaiter(api).await(id, (n, d) -> { });
    assertEquals("SUCCEEDED", explained.status(), explained::toString);
    JsonNode explanation = api.get(id).path("explanation");
    assertFalse(explanation.path("class").path("label").asText().isEmpty(), explanation::toString);
    int channels = 0;
    for (JsonNode shape : new ModelsClient(state.apiUrl(), state.apiKey()).get(MODEL)
        .path("layers")) {
      channels = layer.equals(shape.path("name").asText()) ? shape.path("channels").asInt()
          : channels;
    }
    JsonNode attributions = explanation.path("channels");
    assertEquals(channels, attributions.size(), "every channel of " + layer);
    for (int i = 1; i < attributions.size(); i++) {
      assertTrue(attributions.get(i - 1).path("attribution").asDouble()
          >= attributions.get(i).path("attribution").asDouble(), "highest first: " + attributions);
    }
    assertEquals(2, explanation.path("groups").size(), explanation::toString);
    // heatmap, 2 group maps at step 0, 2 group visualizations (ExplainFrames)
    assertEquals(Set.of(0, 1, 2, 3, 4), new HashSet<>(explained.artifacts().stream()
        .map(JobResult.Artifact::batchIndex).toList()), explained::toString);
    for (JobResult.Artifact artifact : explained.artifacts()) {
      assertNotNull(ImageIO.read(new ByteArrayInputStream(api.download(artifact.url()))),
          "not a PNG: " + artifact);
    }

    JsonNode strip = runCli("submit", "--state", "target/stack-test", "--model", MODEL,
        "--interpolate", "expanded_conv_9/project:11", "expanded_conv_9/project:3",
        "--frames", "3", "--size", "32", "--steps", "8", "--wait", "--json");
    assertEquals("SUCCEEDED", strip.path("status").asText(), strip::toString);
    assertEquals(3, JobResult.of(strip).finalFrames().size(), strip::toString);
  }

  /**
   * Normal jobs (no fault, nothing refused or cancelled) leave no error in any service's log,
   * TensorFlow's included; an inception_v3 job runs redirected-ReLU steps and ordinary ones.
   */
  @Test
  @Order(2)
  void normalJobsLeaveNoErrorInAnyServiceLog() throws IOException {
    JsonNode job = runCli("submit", "--state", "target/stack-test", "--model", "inception_v3",
        "--objective", "mixed4:97", "--size", "64",
        "--steps", Integer.toString(RenderDefaults.REDIRECT_RELU_STEPS + 2), "--wait", "--json");

    assertEquals("SUCCEEDED", job.path("status").asText(), job::toString);
    assertEquals(List.of(), ServiceLogs.errorLines(state), "ERROR lines after normal jobs");
  }

  @Test
  @Order(3)
  void refusedSubmissionExitsWithStatus2() {
    int exit = FvClient.commandLine().execute("submit", "--state", "target/stack-test",
        "--model", MODEL, "--objective", "softmax:no_such_class");
    assertEquals(2, exit);
  }

  @Test
  @Order(4)
  void jobProducedToKafkaSucceedsAndIsVisibleThroughTheApi() {
    String id = UUID.randomUUID().toString();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.JOBS, id, Messages.write(request(id, 8)))).get();
    } catch (Exception e) {
      throw new AssertionError("cannot produce the job", e);
    }
    awaitKnownToApi(id);
    JobResult result = new JobWaiter(api).await(id, (name, data) -> { });

    assertEquals("SUCCEEDED", result.status(), result::toString);
    assertEquals(2, result.artifacts().size(), "thresholds 4 and 8, batch 1: " + result);
    assertEquals(MODEL, api.get(id).path("request").path("model").asText());
  }

  @Test
  @Order(5)
  void eventStreamDeliversProgressAndFrames() {
    String id = submit(JobSpec.of(MODEL, "softmax:flamingo").withSize(64)
        .withSteps(64, List.of(32, 64)));
    List<String> events = new CopyOnWriteArrayList<>();
    JobResult result = new JobWaiter(api).await(id, (name, data) -> events.add(name));

    assertEquals("SUCCEEDED", result.status(), result::toString);
    assertFalse(events.contains("stream_failed"), "events: " + events);
    assertTrue(events.contains("progress"), "events: " + events);
    assertEquals(2, events.stream().filter("frame"::equals).count(), "events: " + events);
  }

  @Test
  @Order(6)
  void cancelledJobEndsCancelled() throws InterruptedException, IOException {
    String id = submit(JobSpec.of(MODEL, "softmax:strawberry").withSize(64)
        .withSteps(5000, List.of(5000)));
    while (!"RUNNING".equals(api.get(id).path("status").asText())) {
      Thread.sleep(200);
    }
    assertEquals(id, runCli("cancel", id, "--state", "target/stack-test", "--json")
        .path("id").asText());

    JobResult result = new JobWaiter(api).await(id, (name, data) -> { });
    assertEquals("CANCELLED", result.status(), result::toString);
    assertEquals(2, FvClient.commandLine().execute("cancel", id, "--state", "target/stack-test"),
        "a finished job cannot be cancelled (409)");
  }

  /** {@code ./fv sweeps} lists a sweep just submitted, and {@code ./fv cancel} stops it. */
  @Test
  @Order(6)
  void sweepsListsASweepAndCancelStopsIt() throws IOException {
    String id = runCli("sweep", "--state", "target/stack-test", "--model", MODEL, "--layer",
        "expanded_conv/project", "--size", "32", "--steps", "5000", "--json").path("id").asText();

    JsonNode page = runCli("sweeps", "--state", "target/stack-test", "--model", MODEL, "--json");
    JsonNode listed = null;
    for (JsonNode sweep : page.path("items")) {
      listed = id.equals(sweep.path("id").asText()) ? sweep : listed;
    }
    assertNotNull(listed, "the new sweep is listed: " + page);
    assertEquals(16, listed.path("channels_total").asInt(), listed::toString);

    JsonNode cancelled = runCli("cancel", id, "--state", "target/stack-test", "--json");
    assertEquals(id, cancelled.path("id").asText(), cancelled::toString);
    assertEquals("cancelled", cancelled.path("status").asText(), cancelled::toString);
    assertEquals(2, FvClient.commandLine().execute("cancel", UUID.randomUUID().toString(),
        "--state", "target/stack-test"), "no such sweep or job: 404");
    assertEquals(2, FvClient.commandLine().execute("cancel", "not-an-id",
        "--state", "target/stack-test"), "not an id: a usage error");
  }

  @Test
  @Order(7)
  void twoWorkersShareABurstOfJobs() throws Exception {
    // one job per partition of fv.jobs: each worker owns at least one, so both must render
    List<String> ids = idsCoveringEveryPartition();
    try (PipelineTimeline timeline = new PipelineTimeline(state.kafkaBootstrapServers());
        KafkaProducer<String, byte[]> producer = producer()) {
      for (String id : ids) {
        producer.send(new ProducerRecord<>(Topics.JOBS, id, Messages.write(request(id, 8))));
      }
      producer.flush();
      Set<String> workers = new HashSet<>();
      for (String id : ids) {
        awaitKnownToApi(id);
        assertEquals("SUCCEEDED", new JobWaiter(api).await(id, (n, d) -> { }).status());
        workers.add(awaitRunning(timeline, id).worker());
      }
      assertEquals(2, workers.size(), "RUNNING events came from " + workers);
    }
  }

  private static JsonNode runCli(String... args) throws IOException {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      exit = FvClient.commandLine().execute(args);
    } finally {
      System.setOut(out);
    }
    String stdout = captured.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, "stdout: " + stdout);
    assertEquals(1, stdout.strip().lines().count(), "--json prints one line: " + stdout);
    return Json.mapper().readTree(stdout);
  }

  private static String submit(JobSpec spec) {
    return api.submit(spec).path("id").asText();
  }

  private static JobRequest request(String id, int steps) {
    return new JobRequest(Messages.VERSION, id, DevelopmentKey.TENANT, MODEL, "softmax:goldfish", 32, steps,
        List.of(steps / 2, steps), 1, 0, RenderDefaults.LEARNING_RATE, RenderDefaults.PARAM,
        true, RenderDefaults.TRANSFORMS, System.currentTimeMillis());
  }

  /** A job produced to Kafka reaches the API's database through the sink, a moment later. */
  private static void awaitKnownToApi(String id) {
    while (true) {
      try {
        api.get(id);
        return;
      } catch (ApiProblemException e) {
        assertEquals(404, e.status(), e.getMessage());
      }
      sleep();
    }
  }

  private static JobEvent awaitRunning(PipelineTimeline timeline, String id) {
    while (timeline.status(id, JobStatus.RUNNING).isEmpty()) {
      sleep();
    }
    return timeline.status(id, JobStatus.RUNNING).get();
  }

  /** Job ids whose keys the producer's default partitioner spreads over every partition. */
  private static List<String> idsCoveringEveryPartition() {
    Map<Integer, String> byPartition = new HashMap<>();
    while (byPartition.size() < Topics.JOBS_PARTITIONS) {
      String id = UUID.randomUUID().toString();
      byte[] key = id.getBytes(StandardCharsets.UTF_8);
      byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(key)) % Topics.JOBS_PARTITIONS, id);
    }
    return List.copyOf(byPartition.values());
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, state.kafkaBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
