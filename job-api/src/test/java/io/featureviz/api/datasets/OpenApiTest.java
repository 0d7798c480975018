package io.featureviz.api.datasets;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the dataset endpoints, open like the rest of {@code /q}. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class OpenApiTest {

  @Test
  void datasetEndpointsAreDescribed() {
    RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
        .body("paths.'/v1/datasets'.get.summary", equalTo("List datasets"))
        .body("paths.'/v1/datasets'.post.summary", equalTo("Upload a dataset"))
        .body("paths.'/v1/datasets'.post.requestBody.content", hasKey("multipart/form-data"))
        .body("paths.'/v1/datasets'.post.requestBody.content.'multipart/form-data'.schema"
            + ".properties", hasKey("archive"))
        .body("paths.'/v1/datasets/{id}'.get.summary", equalTo("Get a dataset with its images"))
        .body("paths.'/v1/datasets/{id}'.delete.summary",
            equalTo("Delete an uploaded dataset"))
        .body("paths.'/v1/jobs'.get.parameters.name", hasItem("kind"))
        // property names as the API writes them
        .body("components.schemas.DatasetView.properties", hasKey("image_count"));
  }
}
