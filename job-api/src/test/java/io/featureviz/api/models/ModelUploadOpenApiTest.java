package io.featureviz.api.models;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.featureviz.contracts.messages.ModelStatus;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document lists the upload formats the server takes (the web page's upload form
 * offers the formats it reads there), answers an upload 202, and gives every model a status.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class ModelUploadOpenApiTest {

  private static ValidatableResponse openApi() {
    return RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
        .statusCode(200);
  }

  @Test
  void uploadFormListsEveryFormat() {
    openApi().body("paths.'/v1/models'.post.requestBody.content.'multipart/form-data'.schema"
            + ".properties.format.enum",
        equalTo(Arrays.stream(UploadFormat.values()).map(UploadFormat::key).toList()));
  }

  @Test
  void uploadIsAcceptedForImportAndModelsHaveAStatus() {
    openApi()
        .body("paths.'/v1/models'.post.responses.'202'.content.'application/json'.schema.'$ref'",
            equalTo("#/components/schemas/ImportAccepted"))
        .body("components.schemas.ImportAccepted.properties", hasKey("status"))
        .body("components.schemas.ModelSummary.properties", hasKey("status"))
        .body("components.schemas.ModelDetails.properties", hasKey("reason"))
        .body("components.schemas.ModelStatus.enum",
            equalTo(Arrays.stream(ModelStatus.values()).map(Enum::name).toList()));
  }
}
