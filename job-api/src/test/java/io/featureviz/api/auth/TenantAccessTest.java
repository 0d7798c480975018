package io.featureviz.api.auth;

import static io.featureviz.api.testing.TestApi.TENANT_A;
import static io.featureviz.api.testing.TestApi.TENANT_B;
import static io.featureviz.api.testing.TestApi.as;
import static io.featureviz.api.testing.TestApi.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.testing.TestApi;
import io.featureviz.api.testing.TestCatalog;
import io.featureviz.api.testing.TestDatabase;
import io.featureviz.contracts.messages.BuiltInModels;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** API keys, and what one tenant can see of another's jobs and models. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class TenantAccessTest {

  @Inject
  AgroalDataSource dataSource;

  @Test
  void v1NeedsAValidKeyWhileHealthAndOpenApiStayOpen() throws Exception {
    String revoked = "revoked-" + UUID.randomUUID();
    String issued = "issued-" + UUID.randomUUID();
    TestDatabase.update(dataSource, "INSERT INTO api_keys (tenant, key_hash, revoked_at)"
        + " VALUES ('tenant-c', encode(sha256(?::bytea), 'hex'), now())", revoked);
    TestDatabase.update(dataSource, "INSERT INTO api_keys (tenant, key_hash)"
        + " VALUES ('tenant-c', encode(sha256(?::bytea), 'hex'))", issued);

    for (var request : List.of(RestAssured.given(),
        RestAssured.given().header("Authorization", "Bearer wrong-" + UUID.randomUUID()),
        RestAssured.given().header("Authorization", "Basic " + TestApi.key(TENANT_A)),
        RestAssured.given().header("Authorization", "Bearer " + revoked))) {
      request.get("/v1/jobs").then().statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", startsWith("Bearer"))
          .body("title", equalTo("Unauthorized"));
    }
    RestAssured.given().multiPart("format", "tflite").post("/v1/models").then().statusCode(401);
    RestAssured.given().header("Authorization", "Bearer " + issued).get("/v1/jobs").then()
        .statusCode(200);
    RestAssured.given().get("/q/health/live").then().statusCode(200);
    RestAssured.given().get("/q/openapi").then().statusCode(200);
  }

  @Test
  void anotherTenantsJobIsNotFound() {
    // the body's tenant is ignored: the key decides
    String id = given().contentType(ContentType.JSON)
        .body("{\"model\": \"inception_v3\", \"objective\": \"mixed3:9\", \"steps\": 8,"
            + " \"size\": 64, \"tenant\": \"tenant-b\"}")
        .post("/v1/jobs").then().statusCode(202).extract().path("id");

    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("request.tenant", equalTo(TENANT_A));
    given().get("/v1/jobs").then().body("items.id", hasItem(id));

    as(TENANT_B).get("/v1/jobs/" + id).then().statusCode(404)
        .body("title", equalTo("Job not found"));
    as(TENANT_B).get("/v1/jobs").then().statusCode(200).body("items.id", not(hasItem(id)));
    as(TENANT_B).delete("/v1/jobs/" + id).then().statusCode(404);
    as(TENANT_B).get("/v1/jobs/" + id + "/events").then().statusCode(404);
  }

  @Test
  void uploadedModelIsSeenOnlyByItsTenant() throws Exception {
    String id = "b-private-" + UUID.randomUUID().toString().substring(0, 8);
    TestDatabase.update(dataSource, "INSERT INTO models (id, tenant, format, object_prefix,"
        + " sha256, bytes) VALUES (?, 'tenant-b', 'tflite', ?, 'x', 1)", id,
        "models/" + id + "/");
    TestCatalog.ready(dataSource, id, TENANT_B, BuiltInModels.MOBILENET_V2);

    as(TENANT_B).get("/v1/models").then().statusCode(200)
        .body("find { it.id == '" + id + "' }.status", equalTo("READY"));
    as(TENANT_B).get("/v1/models/" + id + "/layers").then().statusCode(200);
    given().get("/v1/models").then().statusCode(200)
        .body("id", hasItem("inception_v3")).body("id", not(hasItem(id)));
    given().get("/v1/models/" + id).then().statusCode(404);
    given().get("/v1/models/" + id + "/layers").then().statusCode(404);
    String unknown = given().contentType(ContentType.JSON)
        .body("{\"model\": \"" + id + "\", \"objective\": \"logit:1\"}")
        .post("/v1/jobs").then().statusCode(400)
        .extract().path("errors.find { it.field == 'model' }.message");
    // the models tenant-a may name are listed, not tenant-b's
    assertTrue(unknown.startsWith("unknown model '" + id + "'; models: [mobilenet_v2"), unknown);
    assertFalse(unknown.substring(unknown.indexOf("models:")).contains(id), unknown);
  }

  @Test
  void keysNeverAppearInTheLog() {
    String wrongKey = "wrong-" + UUID.randomUUID();
    List<String> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
            : record.getMessage();
        synchronized (lines) {
          lines.add(message + " " + record.getThrown());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      given().get("/v1/jobs").then().statusCode(200);
      given().get("/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
      RestAssured.given().header("Authorization", "Bearer " + wrongKey).get("/v1/jobs")
          .then().statusCode(401);
    } finally {
      root.removeHandler(capture);
    }
    synchronized (lines) {
      // the refusal was logged, so the capture works, and neither key is in any line
      assertTrue(lines.stream().anyMatch(l -> l.contains("refused GET")), lines.toString());
      assertFalse(lines.stream().anyMatch(l -> l.contains(wrongKey)
          || l.contains(TestApi.key(TENANT_A))), lines.toString());
    }
  }
}
