package io.featureviz.client.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.featureviz.client.FreshState;
import io.featureviz.client.FvClient;
import io.featureviz.client.Json;
import io.featureviz.client.faults.StackObjectStore;
import io.featureviz.client.jobs.ApiProblemException;
import io.featureviz.client.jobs.JobResult;
import io.featureviz.client.jobs.JobSpec;
import io.featureviz.client.jobs.JobWaiter;
import io.featureviz.client.jobs.JobsClient;
import io.featureviz.client.stack.HealthProbe;
import io.featureviz.client.stack.InfraEndpoints;
import io.featureviz.client.stack.LocalStack;
import io.featureviz.client.stack.StackPorts;
import io.featureviz.client.stack.StackSettings;
import io.featureviz.client.stack.StackState;
import io.featureviz.contracts.messages.ModelKeys;
import io.featureviz.uploads.TestZips;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uploads become imports, through a stack of real processes (one worker, started once for the
 * class; state and logs in {@code target/import-test}): a model of each format reaches READY
 * through {@code ./fv upload-model} and renders by its id; a malformed one of each format is
 * accepted (its header passes the API's cheap checks), ends FAILED with the engine's reason, and
 * leaves nothing in the bucket; the API, which no longer loads models, is untouched by them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModelImportFlowTest {

  private static final Path STATE = Path.of("target/import-test");
  private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(120);
  /** The sink deletes a failed import's files when it records the FAILED entry. */
  private static final Duration CLEAN_UP_TIMEOUT = Duration.ofSeconds(30);

  @TempDir static Path files;
  private static LocalStack stack;
  private static StackState state;
  private static ModelsClient models;
  private static JobsClient jobs;
  private static StackObjectStore bucket;

  @BeforeAll
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  static void startStack() {
    StackSettings settings = new StackSettings(Path.of(System.getProperty("fv.repo.root")),
        FreshState.of(STATE), TestModels.SHARED, StackPorts.free(), 1);
    stack = new LocalStack(settings, line -> System.err.println("stack: " + line));
    state = stack.start();
    models = new ModelsClient(state.apiUrl(), state.apiKey());
    jobs = new JobsClient(state.apiUrl(), state.apiKey());
    bucket = new StackObjectStore(InfraEndpoints.read(settings.infraDir()).orElseThrow());
  }

  @AfterAll
  static void stopStack() throws Exception {
    if (bucket != null) {
      bucket.close();
    }
    if (stack != null) {
      stack.stop();
    }
  }

  static Stream<Arguments> goodUploads() {
    return Stream.of(
        Arguments.of("tflite", "mobilenet.tflite", TestModels.read(TestModels.MOBILENET_TFLITE),
            null, new String(TestModels.read(TestModels.MOBILENET_LABELS), StandardCharsets.UTF_8),
            224),
        Arguments.of("tfjs", "tiny.zip", TestModels.tfjsZip(), null, null, TestModels.TINY_INPUT),
        Arguments.of("graphdef", "tiny.pb", TestModels.graphDef(), TestModels.GRAPHDEF_METADATA,
            null, TestModels.TINY_INPUT),
        Arguments.of("onnx", "mobilenet.onnx", TestModels.read(TestModels.MOBILENET_ONNX), null,
            null, 224));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodUploads")
  @Order(1)
  void uploadReachesReadyThroughTheCliAndRendersById(String format, String fileName,
      byte[] model, String metadata, String labels, int inputSize) throws IOException {
    String id = "good-" + format;
    List<String> args = new ArrayList<>(List.of("upload-model",
        write(id, fileName, model).toString(), "--format", format, "--id", id,
        "--state", STATE.toString(), "--json"));
    if (metadata != null) {
      args.addAll(List.of("--metadata", write(id, "featureviz-model.json", metadata).toString()));
    }
    if (labels != null) {
      args.addAll(List.of("--labels", write(id, "labels.txt", labels).toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FvClient.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args.toArray(String[]::new));

    assertEquals(0, exit, () -> "stdout: " + out + "\nstderr: " + err);
    assertTrue(err.toString().contains(id + " IMPORTING"), "the import was waited for: " + err);
    JsonNode view = Json.mapper().readTree(out.toString());
    assertEquals("READY", view.path("status").asText(), view::toString);
    assertEquals(id, view.path("id").asText());
    // what the worker found, as the catalog holds it
    assertEquals(inputSize, view.path("input_size").asInt(), view::toString);
    JsonNode layers = view.path("layers");
    assertFalse(layers.isEmpty(), view::toString);
    if (labels != null) {
      assertEquals(labels.strip().lines().count(), view.path("labels").size(), "labels");
    }
    assertFalse(bucket.keys(ModelKeys.prefix(id)).isEmpty(), "the imported files stay");

    // a layer the catalog names, deep enough to be a feature rather than the input
    String objective = layers.get(layers.size() / 2).path("name").asText() + ":0";
    String job = jobs.submit(JobSpec.of(id, objective).withSize(64).withSteps(4, List.of(4)))
        .path("id").asText();
    JobResult result = new JobWaiter(jobs).await(job, (name, data) -> { });
    assertEquals("SUCCEEDED", result.status(), result::toString);
    assertEquals(1, result.artifacts().size(), result::toString);
  }

  static Stream<Arguments> malformedUploads() {
    byte[] onnx = TestModels.read(TestModels.MOBILENET_ONNX);
    return Stream.of(
        Arguments.of("tflite", "m.tflite", TestModels.truncated(TestModels.MOBILENET_TFLITE,
            50_000), null, "truncated or corrupt FlatBuffer"),
        Arguments.of("tfjs", "m.zip", TestModels.tfjsZipWithTruncatedWeights(), null,
            "are truncated: weight 'conv/kernel'"),
        Arguments.of("graphdef", "m.pb", TestModels.garbage(20_000),
            TestModels.GRAPHDEF_METADATA, "not a TensorFlow GraphDef"),
        Arguments.of("onnx", "m.onnx", TestModels.truncated(TestModels.MOBILENET_ONNX,
            onnx.length / 4), null, "is not a valid ONNX protobuf"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedUploads")
  @Order(2)
  void malformedUploadEndsFailedWithItsReasonAndLeavesNothingInTheBucket(String format,
      String fileName, byte[] model, String metadata, String reason) throws Exception {
    String id = "bad-" + format;
    JsonNode accepted = models.upload(new ModelUpload(write(id, fileName, model), format, id,
        metadata, null));
    assertEquals("IMPORTING", accepted.path("status").asText(), accepted::toString);

    JsonNode view = new ModelImportWaiter(models, IMPORT_TIMEOUT).await(id, v -> { });
    assertEquals("FAILED", view.path("status").asText(), view::toString);
    String failure = view.path("reason").asText();
    assertTrue(failure.contains(reason), "reason: " + failure);
    assertFalse(failure.contains(System.getProperty("java.io.tmpdir")),
        "no temporary path of the worker's: " + failure);

    awaitNoObjects(ModelKeys.prefix(id));
    JsonNode listed = findListed(id);
    assertEquals("FAILED", listed.path("status").asText(), listed::toString);
    ApiProblemException refused = assertThrows(ApiProblemException.class,
        () -> jobs.submit(JobSpec.of(id, "any:0")));
    assertEquals(409, refused.status(), refused.getMessage());
  }

  /** The API parses no model any more: the uploads above left it (and the worker) running. */
  @Test
  @Order(3)
  void theApiSurvivedTheMalformedModelsItNoLongerLoads() {
    StackState.Component api = state.component("job-api");
    assertTrue(ProcessHandle.of(api.pid()).map(ProcessHandle::isAlive).orElse(false),
        "job-api (pid " + api.pid() + ") is gone; see " + api.log());
    assertTrue(HealthProbe.isReady(api.url()), "job-api is not ready");
    assertTrue(stack.status().running(), () -> "status: " + stack.status());
    // the cheap checks stay in the API: a zip reaching outside itself is refused at once
    ApiProblemException refused = assertThrows(ApiProblemException.class,
        () -> models.upload(new ModelUpload(write("slip", "m.zip", TestZips.zip(Map.of(
            "model.json", "{}".getBytes(StandardCharsets.UTF_8),
            "../evil.bin", new byte[1]))), "tfjs", "slip", null, null)));
    assertEquals(400, refused.status(), refused.getMessage());
    assertTrue(bucket.keys(ModelKeys.prefix("slip")).isEmpty());
  }

  private static JsonNode findListed(String id) {
    for (JsonNode model : models.list()) {
      if (model.path("id").asText().equals(id)) {
        return model;
      }
    }
    throw new AssertionError("GET /v1/models does not list " + id + ": " + models.list());
  }

  private static void awaitNoObjects(String prefix) throws InterruptedException {
    long deadline = System.nanoTime() + CLEAN_UP_TIMEOUT.toNanos();
    while (!bucket.keys(prefix).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, () -> "a failed import's files are left in the"
          + " bucket after " + CLEAN_UP_TIMEOUT.toSeconds() + " s: " + bucket.keys(prefix));
      Thread.sleep(250);
    }
  }

  /** The file the upload sends, in a folder of its own. */
  private static Path write(String id, String name, byte[] content) {
    try {
      Path folder = Files.createDirectories(files.resolve(id));
      return Files.write(folder.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(String id, String name, String text) {
    return write(id, name, text.getBytes(StandardCharsets.UTF_8));
  }
}
