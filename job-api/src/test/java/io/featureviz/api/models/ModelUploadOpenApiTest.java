package io.featureviz.api.models;

import static org.hamcrest.Matchers.equalTo;

import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lists the upload formats the server takes; the web page's upload form
 * offers the formats it reads there.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ModelUploadOpenApiTest {

  @Test
  void uploadFormListsEveryFormat() {
    RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
        .body("paths.'/v1/models'.post.requestBody.content.'multipart/form-data'.schema"
            + ".properties.format.enum",
            equalTo(Arrays.stream(UploadFormat.values()).map(UploadFormat::key).toList()));
  }
}
