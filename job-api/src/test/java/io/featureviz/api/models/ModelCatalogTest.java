package io.featureviz.api.models;

import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestJobs.submitOn;
import static io.featureviz.api.testing.TestUploads.mobilenet;
import static io.featureviz.api.testing.TestUploads.upload;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.testing.TestApi;
import io.featureviz.api.testing.TestBus;
import io.featureviz.api.testing.TestCatalog;
import io.featureviz.api.testing.TestDatabase;
import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.ModelImport;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Jobs and model pages answered from the catalog in PostgreSQL: an upload is named by jobs only
 * once READY, a failed one says why, and a built-in model no worker has described yet is
 * unavailable, never guessed.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ModelCatalogTest {

  private static final String PROBLEM = "application/problem+json";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject
  AgroalDataSource dataSource;

  @Inject
  PendingImports pendingImports;

  private static void uploadMobilenet(String id) {
    upload("tflite").multiPart("id", id).multiPart("file", "m.tflite", mobilenet())
        .post("/v1/models").then().statusCode(202);
  }

  @Test
  void jobOnAnImportingModelIsAConflict() {
    uploadMobilenet("still-importing");

    submitOn("still-importing", "expanded_conv_2/add:5").statusCode(409).contentType(PROBLEM)
        .body("type", containsString("model-not-ready"))
        .body("detail", containsString("IMPORTING"));
    given().get("/v1/models/still-importing").then().statusCode(200)
        .body("status", equalTo("IMPORTING"))
        .body("format", equalTo("tflite"));
    given().get("/v1/models/still-importing/layers").then().statusCode(409)
        .contentType(PROBLEM);
  }

  @Test
  void jobOnAFailedModelIsAConflictGivingTheReason() throws Exception {
    uploadMobilenet("will-fail");
    String reason = "not a loadable model: the FlatBuffer ends at byte 50000";
    TestCatalog.failed(dataSource, "will-fail", TestApi.TENANT_A, reason);

    submitOn("will-fail", "expanded_conv_2/add:5").statusCode(409).contentType(PROBLEM)
        .body("type", containsString("model-not-ready"))
        .body("detail", equalTo("model will-fail is FAILED: " + reason));
    given().get("/v1/models/will-fail").then().statusCode(200)
        .body("status", equalTo("FAILED"))
        .body("reason", equalTo(reason));
    given().get("/v1/models").then().statusCode(200)
        .body("find { it.id == 'will-fail' }.reason", equalTo(reason));
    given().get("/v1/models/will-fail/layers").then().statusCode(409)
        .body("detail", containsString(reason));
  }

  @Test
  void jobOnAReadyUploadIsValidatedAgainstItsLayers() throws Exception {
    uploadMobilenet("now-ready");
    TestCatalog.ready(dataSource, "now-ready", TestApi.TENANT_A, BuiltInModels.MOBILENET_V2);

    given().get("/v1/models/now-ready").then().statusCode(200)
        .body("status", equalTo("READY"))
        .body("format", equalTo("tflite"))
        .body("input_size", equalTo(224))
        .body("classes", equalTo(1001))
        .body("labels[1]", equalTo("tench, Tinca tinca"))
        .body("layers.find { it.name == 'expanded_conv_2/add' }.channels", equalTo(24))
        .body("layers.find { it.name == 'expanded_conv_2/add' }.height", equalTo(56))
        .body("layers_url", equalTo("/v1/models/now-ready/layers"));
    given().get("/v1/models").then().statusCode(200)
        .body("find { it.id == 'now-ready' }.status", equalTo("READY"))
        .body("find { it.id == 'now-ready' }.input_size", equalTo(224));
    submitOn("now-ready", "expanded_conv_2/add:5").statusCode(202);
    submitOn("now-ready", "expanded_conv_2/add:24").statusCode(400)
        .body("errors.field", hasItem("objective.channel"));
  }

  @Test
  void builtInModelWithoutCatalogRowIsUnavailableNotUnknown() throws Exception {
    TestDatabase.update(dataSource, "DELETE FROM models WHERE id = ?", BuiltInModels.MOBILENET_V2);
    try {
      submitOn(BuiltInModels.MOBILENET_V2, "expanded_conv_2/add:5").statusCode(503)
          .contentType(PROBLEM)
          .body("type", containsString("model-catalog-unavailable"))
          .body("detail", equalTo("no worker has described model mobilenet_v2 yet;"
              + " start a worker"));
      given().get("/v1/models/mobilenet_v2").then().statusCode(503);
      given().get("/v1/models").then().statusCode(200)
          .body("id", not(hasItem(BuiltInModels.MOBILENET_V2)))
          .body("id", hasItem(BuiltInModels.INCEPTION_V3));
    } finally {
      TestCatalog.restoreBuiltIn(dataSource, BuiltInModels.MOBILENET_V2);
    }
    submitOn(BuiltInModels.MOBILENET_V2, "expanded_conv_2/add:5").statusCode(202);
  }

  @Test
  void pendingImportsAreRequestedAgain() throws Exception {
    // an upload made before the catalog: its row IMPORTING, its request never published
    TestDatabase.update(dataSource, "INSERT INTO models (id, tenant, format, input_size,"
        + " layer_count, classes, object_prefix, sha256, bytes) VALUES ('before-v7', 'tenant-b',"
        + " 'onnx', 224, 3, 0, 'models/before-v7/', 'x', 1)");

    assertTrue(pendingImports.republish() >= 1);

    try (TestBus bus = new TestBus(bootstrapServers)) {
      var records = bus.await(Topics.MODEL_IMPORTS, "before-v7", r -> true);
      assertEquals(1, records.size(), "import requests of before-v7");
      ModelImport request = Messages.read(records.get(0).value(), ModelImport.class);
      assertEquals(TestApi.TENANT_B, request.tenant());
      assertEquals("onnx", request.format());
      assertEquals("models/before-v7/", request.objectPrefix());
    }
  }
}
