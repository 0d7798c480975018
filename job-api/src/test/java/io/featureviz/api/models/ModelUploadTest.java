package io.featureviz.api.models;

import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestUploads.mobilenet;
import static io.featureviz.api.testing.TestUploads.randomBytes;
import static io.featureviz.api.testing.TestUploads.upload;
import static io.featureviz.api.testing.TestUploads.zip;
import static io.featureviz.api.testing.TestUploads.zipBomb;
import static io.featureviz.api.testing.TestUploads.zipWithSymlink;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TestApi;
import io.featureviz.api.testing.TestBus;
import io.featureviz.api.testing.TinyGraphDef;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

/**
 * {@code POST /v1/models}: the checks that need no engine, then the upload stored, IMPORTING and
 * handed to the workers on {@code fv.model-imports}. Whether a model loads is the import's
 * (its FAILED reasons are tested through the stack, with a worker).
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ModelUploadTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject
  BucketObjects objects;

  @Inject
  AgroalDataSource dataSource;

  private TestBus bus;

  @BeforeEach
  void connect() {
    bus = new TestBus(bootstrapServers);
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  @Test
  void tfliteUploadIsStoredImportingAndHandedToTheWorkers() throws Exception {
    upload("tflite").multiPart("id", "my-mobilenet")
        .multiPart("file", "mobilenet.tflite", mobilenet())
        .multiPart("labels", "background\ntench\n")
        .post("/v1/models")
        .then().statusCode(202).contentType("application/json")
        .header("Location", containsString("/v1/models/my-mobilenet"))
        .body("id", equalTo("my-mobilenet"))
        .body("status", equalTo("IMPORTING"))
        .body("format", equalTo("tflite"))
        .body("url", equalTo("/v1/models/my-mobilenet"));

    assertEquals(
        List.of("models/my-mobilenet/labels.txt", "models/my-mobilenet/my-mobilenet.tflite"),
        objects.keys("models/my-mobilenet/"));
    assertEquals(new ModelImport(Messages.VERSION, "my-mobilenet", TestApi.TENANT_A, "tflite",
        "models/my-mobilenet/", 0), importRequest("my-mobilenet"));
    given().get("/v1/models").then().statusCode(200)
        .body("find { it.id == 'my-mobilenet' }.status", equalTo("IMPORTING"))
        .body("find { it.id == 'my-mobilenet' }.uploaded", equalTo(true))
        .body("find { it.id == 'my-mobilenet' }", not(hasKey("input_size")));
  }

  @Test
  void graphDefUploadIsStoredWithTheMetadataTheServerRewrote() throws Exception {
    upload("graphdef").multiPart("id", "tiny-graph")
        .multiPart("file", "tiny.pb", TinyGraphDef.bytes())
        .multiPart("metadata", TinyGraphDef.METADATA)
        .post("/v1/models")
        .then().statusCode(202)
        .body("id", equalTo("tiny-graph"))
        .body("status", equalTo("IMPORTING"))
        .body("format", equalTo("graphdef"));

    assertEquals(List.of("models/tiny-graph/featureviz-model.json", "models/tiny-graph/model.pb"),
        objects.keys("models/tiny-graph/"));
    assertEquals("graphdef", importRequest("tiny-graph").format());
  }

  @Test
  void takenIdIsAConflict() {
    Supplier<RequestSpecification> graph = () -> upload("graphdef").multiPart("id", "twice")
        .multiPart("file", "tiny.pb", TinyGraphDef.bytes())
        .multiPart("metadata", TinyGraphDef.METADATA);
    graph.get().post("/v1/models").then().statusCode(202);
    Stored before = stored();
    graph.get().post("/v1/models").then().statusCode(409).contentType(PROBLEM)
        .body("type", containsString("model-exists"))
        .body("detail", containsString("'twice'"));
    upload("graphdef").multiPart("id", "inception_v3")
        .multiPart("file", "tiny.pb", TinyGraphDef.bytes())
        .multiPart("metadata", TinyGraphDef.METADATA)
        .post("/v1/models").then().statusCode(409).contentType(PROBLEM);
    assertEquals(before, stored());
  }

  @Test
  void unpublishedImportRequestUndoesRowAndFiles() {
    ModelImportPublisher down = Mockito.mock(ModelImportPublisher.class);
    Mockito.doThrow(new IllegalStateException("broker down")).when(down).publish(Mockito.any());
    QuarkusMock.installMockForType(down, ModelImportPublisher.class);
    Stored before = stored();

    upload("tflite").multiPart("id", "never-imported")
        .multiPart("file", "m.tflite", mobilenet())
        .post("/v1/models").then().statusCode(503).contentType(PROBLEM)
        .body("type", containsString("bus-unavailable"));

    Mockito.verify(down).publish(Mockito.any());
    assertEquals(before, stored());
  }

  static Stream<Arguments> badUploads() {
    byte[] mobilenet = mobilenet();
    byte[] random = randomBytes(100_000);
    return Stream.of(
        Arguments.of("random bytes as tflite", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("file", "x.tflite", random), 400, "not a TFLite file"),
        Arguments.of("empty tflite", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("file", "x.tflite", Arrays.copyOf(mobilenet, 6)),
            400, "not a TFLite file"),
        Arguments.of("zip slip", (Supplier<RequestSpecification>) () ->
            upload("tfjs").multiPart("file", "m.zip", zip("model.json", "{}", "../evil.bin", "x")),
            400, "points outside"),
        Arguments.of("absolute path", (Supplier<RequestSpecification>) () ->
            upload("tfjs").multiPart("file", "m.zip", zip("/tmp/model.json", "{}")),
            400, "absolute"),
        Arguments.of("symbolic link", (Supplier<RequestSpecification>) () ->
            upload("tfjs").multiPart("file", "m.zip", zipWithSymlink()), 400, "symbolic link"),
        Arguments.of("zip bomb", (Supplier<RequestSpecification>) () ->
            upload("savedmodel").multiPart("file", "m.zip", zipBomb())
                .multiPart("metadata", TinyGraphDef.METADATA), 400, "unpacks to more than"),
        Arguments.of("not a zip", (Supplier<RequestSpecification>) () ->
            upload("tfjs").multiPart("file", "m.zip", random), 400, "not a readable zip"),
        Arguments.of("tfjs zip without model.json", (Supplier<RequestSpecification>) () ->
            upload("tfjs").multiPart("file", "m.zip", zip("weights.bin", "x")),
            400, "holds no model.json"),
        Arguments.of("graphdef without metadata", (Supplier<RequestSpecification>) () ->
            upload("graphdef").multiPart("file", "m.pb", TinyGraphDef.bytes()),
            400, "metadata"),
        Arguments.of("metadata not a JSON object", (Supplier<RequestSpecification>) () ->
            upload("graphdef").multiPart("file", "m.pb", TinyGraphDef.bytes())
                .multiPart("metadata", "[1, 2]"), 400, "must be a JSON object"),
        Arguments.of("bad id", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("id", "Bad/Id").multiPart("file", "m.tflite", mobilenet),
            400, "id"),
        Arguments.of("unknown format", (Supplier<RequestSpecification>) () ->
            upload("keras").multiPart("file", "m.keras", random), 400, "format"),
        Arguments.of("zip without onnx", (Supplier<RequestSpecification>) () ->
            upload("onnx").multiPart("file", "m.zip", zip("m/model.onnx.txt", "x")),
            400, "holds no *.onnx"),
        Arguments.of("zip with two onnx", (Supplier<RequestSpecification>) () ->
            upload("onnx").multiPart("file", "m.zip", zip("a.onnx", "x", "b.onnx", "y")),
            400, "holds 2 files *.onnx"),
        Arguments.of("file over the limit", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("file", "big.tflite", new byte[9 * 1024 * 1024]),
            413, "at most"),
        Arguments.of("request over the limit", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("file", "big.tflite", new byte[20 * 1024 * 1024]),
            413, "at most"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUploads")
  void badUploadIsAProblemAndNothingIsStoredOrPublished(String name,
      Supplier<RequestSpecification> request, int status, String reason) {
    Stored before = stored();
    ValidatableResponse response = request.get().post("/v1/models").then();
    response.statusCode(status).contentType(PROBLEM).body("status", equalTo(status));
    String text = response.extract().asString();
    assertEquals(true, text.contains(reason), text);
    assertEquals(before, stored());
  }

  /** The import request published for the model (its time set to 0). */
  private ModelImport importRequest(String id) {
    List<ConsumerRecord<String, byte[]>> records = bus.await(Topics.MODEL_IMPORTS, id, r -> true);
    assertEquals(false, records.isEmpty(), "no import request for " + id);
    ModelImport request = Messages.read(records.get(0).value(), ModelImport.class);
    return new ModelImport(request.v(), request.modelId(), request.tenant(), request.format(),
        request.objectPrefix(), 0);
  }

  /**
   * What uploads left behind: the bucket's model objects, the rows of models and the import
   * requests published.
   */
  private record Stored(List<String> keys, List<String> rows, long importRequests) {}

  private Stored stored() {
    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT id FROM models ORDER BY id")) {
      List<String> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return new Stored(objects.keys("models/"), ids, bus.endOffsets(Topics.MODEL_IMPORTS));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
