package io.featureviz.api.models;

import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestJobs.submitOn;
import static io.featureviz.api.testing.TestUploads.MOBILENET_FOLDER;
import static io.featureviz.api.testing.TestUploads.mobilenet;
import static io.featureviz.api.testing.TestUploads.randomBytes;
import static io.featureviz.api.testing.TestUploads.upload;
import static io.featureviz.api.testing.TestUploads.zip;
import static io.featureviz.api.testing.TestUploads.zipBomb;
import static io.featureviz.api.testing.TestUploads.zipWithSymlink;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TinyGraphDef;
import io.featureviz.api.testing.TinyOnnxClassifier;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ModelUploadTest {

  private static final String PROBLEM = "application/problem+json";

  @Inject
  BucketObjects objects;

  @Inject
  AgroalDataSource dataSource;

  @Test
  void tfliteUploadIsStoredListedAndNamedByJobs() throws Exception {
    String labels = Files.readString(MOBILENET_FOLDER.resolve("imagenet_labels.txt"));
    int layers = upload("tflite").multiPart("id", "my-mobilenet")
        .multiPart("file", "mobilenet.tflite", mobilenet())
        .multiPart("labels", labels)
        .post("/v1/models")
        .then().statusCode(201)
        .header("Location", containsString("/v1/models/my-mobilenet"))
        .body("id", equalTo("my-mobilenet"))
        .body("format", equalTo("tflite"))
        .body("input_size", equalTo(224))
        .body("classes", equalTo(1001))
        .body("layers.find { it.name == 'expanded_conv_2/add' }.channels", equalTo(24))
        .body("layers.find { it.name == 'expanded_conv_2/add' }.height", equalTo(56))
        .extract().path("layers.size()");

    assertEquals(
        List.of("models/my-mobilenet/labels.txt", "models/my-mobilenet/my-mobilenet.tflite"),
        objects.keys("models/my-mobilenet/"));
    given().get("/v1/models").then().statusCode(200)
        .body("findAll { it.uploaded }.id", hasItem("my-mobilenet"))
        .body("find { it.id == 'my-mobilenet' }.layers", equalTo(layers));
    given().get("/v1/models/my-mobilenet/layers").then().statusCode(200)
        .body("name", hasItem("expanded_conv_2/add"));
    given().get("/v1/models/my-mobilenet").then().statusCode(200)
        .body("labels.size()", equalTo(1001))
        .body("labels[1]", equalTo("tench, Tinca tinca"));
    submitOn("my-mobilenet", "expanded_conv_2/add:5").statusCode(202);
    submitOn("my-mobilenet", "expanded_conv_2/add:24").statusCode(400)
        .body("errors.field", hasItem("objective.channel"));
  }

  @Test
  void graphDefUploadWithMetadataIsAcceptedAndJobsMayNameIt() throws Exception {
    upload("graphdef").multiPart("id", "tiny-graph")
        .multiPart("file", "tiny.pb", TinyGraphDef.bytes())
        .multiPart("metadata", TinyGraphDef.METADATA)
        .post("/v1/models")
        .then().statusCode(201)
        .body("id", equalTo("tiny-graph"))
        .body("format", equalTo("graphdef"))
        .body("input_size", equalTo(16))
        .body("layers.name", equalTo(List.of("conv1", "conv2")))
        .body("layers.channels", equalTo(List.of(4, 6)))
        .body("layers.height", equalTo(List.of(16, 16)));

    assertEquals(List.of("models/tiny-graph/featureviz-model.json", "models/tiny-graph/model.pb"),
        objects.keys("models/tiny-graph/"));
    submitOn("tiny-graph", "conv2:5").statusCode(202);
  }

  @Test
  void modelUploadedThroughAnotherInstanceIsLoadedFromTheBucket() throws Exception {
    Path folder = Files.createTempDirectory("fv-test-").resolve("elsewhere");
    Files.createDirectories(folder);
    Files.write(folder.resolve("elsewhere.tflite"), mobilenet());
    objects.putFolder(folder, "models/elsewhere/");
    try (Connection connection = dataSource.getConnection();
        Statement insert = connection.createStatement()) {
      insert.executeUpdate("INSERT INTO models (id, tenant, format, input_size, layer_count,"
          + " classes, object_prefix, sha256, bytes) VALUES ('elsewhere', 'tenant-a', 'tflite',"
          + " 224, 1, 0, 'models/elsewhere/', 'x', 1)");
    }
    submitOn("elsewhere", "expanded_conv_2/add:5").statusCode(202);
    given().get("/v1/models/elsewhere/layers").then().statusCode(200)
        .body("name", hasItem("expanded_conv_2/add"));
  }

  @Test
  void takenIdIsAConflict() {
    Supplier<RequestSpecification> graph = () -> upload("graphdef").multiPart("id", "twice")
        .multiPart("file", "tiny.pb", TinyGraphDef.bytes())
        .multiPart("metadata", TinyGraphDef.METADATA);
    graph.get().post("/v1/models").then().statusCode(201);
    Stored before = stored();
    graph.get().post("/v1/models").then().statusCode(409).contentType(PROBLEM)
        .body("detail", containsString("'twice'"));
    upload("graphdef").multiPart("id", "inception_v3")
        .multiPart("file", "tiny.pb", TinyGraphDef.bytes())
        .multiPart("metadata", TinyGraphDef.METADATA)
        .post("/v1/models").then().statusCode(409).contentType(PROBLEM);
    assertEquals(before, stored());
  }

  static Stream<Arguments> badUploads() {
    byte[] mobilenet = mobilenet();
    byte[] random = randomBytes(100_000);
    byte[] onnx = TinyOnnxClassifier.bytes();
    return Stream.of(
        Arguments.of("random bytes as tflite", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("file", "x.tflite", random), 400, "not a loadable model"),
        Arguments.of("truncated tflite", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("file", "x.tflite", Arrays.copyOf(mobilenet, 50_000)),
            400, "not a loadable model"),
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
        Arguments.of("graphdef without metadata", (Supplier<RequestSpecification>) () ->
            upload("graphdef").multiPart("file", "m.pb", TinyGraphDef.bytes()),
            400, "metadata"),
        Arguments.of("metadata naming no input", (Supplier<RequestSpecification>) () ->
            upload("graphdef").multiPart("file", "m.pb", TinyGraphDef.bytes())
                .multiPart("metadata", TinyGraphDef.METADATA.replace("\"input:0\"", "null")),
            400, "field 'input'"),
        Arguments.of("bad id", (Supplier<RequestSpecification>) () ->
            upload("tflite").multiPart("id", "Bad/Id").multiPart("file", "m.tflite", mobilenet),
            400, "id"),
        Arguments.of("unknown format", (Supplier<RequestSpecification>) () ->
            upload("keras").multiPart("file", "m.keras", random), 400, "format"),
        Arguments.of("garbage as onnx", (Supplier<RequestSpecification>) () ->
            upload("onnx").multiPart("file", "m.onnx", random), 400, "not a loadable model"),
        Arguments.of("truncated onnx", (Supplier<RequestSpecification>) () ->
            upload("onnx").multiPart("file", "m.onnx", Arrays.copyOf(onnx, onnx.length - 20)),
            400, "not a valid ONNX protobuf"),
        Arguments.of("unsupported onnx operator", (Supplier<RequestSpecification>) () ->
            upload("onnx").multiPart("file", "m.onnx",
                TinyOnnxClassifier.withUnsupportedOperator("NonMaxSuppression", "boxes/nms")),
            400, "NonMaxSuppression node 'boxes/nms' (opset 13)"),
        Arguments.of("onnx opset out of range", (Supplier<RequestSpecification>) () ->
            upload("onnx").multiPart("file", "m.onnx", TinyOnnxClassifier.atOpset(7)),
            400, "opset 7"),
        Arguments.of("onnx external data outside the upload", (Supplier<RequestSpecification>) () ->
            upload("onnx").multiPart("file", "m.zip", zip(Map.of("net/net.onnx",
                TinyOnnxClassifier.withExternalWeights("../../etc/passwd")))),
            400, "'../../etc/passwd' is outside the model's folder"),
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
  void badUploadIsAProblemAndNothingIsStored(String name, Supplier<RequestSpecification> request,
      int status, String reason) {
    Stored before = stored();
    ValidatableResponse response = request.get().post("/v1/models").then();
    response.statusCode(status).contentType(PROBLEM).body("status", equalTo(status));
    String text = response.extract().asString();
    assertEquals(true, text.contains(reason), text);
    assertEquals(before, stored());
  }

  /** What uploads left behind: the bucket's model objects and the rows of models. */
  private record Stored(List<String> keys, List<String> rows) {}

  private Stored stored() {
    try (Connection connection = dataSource.getConnection();
        Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("SELECT id FROM models ORDER BY id")) {
      List<String> ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return new Stored(objects.keys("models/"), ids);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
