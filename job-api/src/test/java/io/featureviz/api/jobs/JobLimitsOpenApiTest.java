package io.featureviz.api.jobs;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document publishes the ranges {@code /v1/jobs} enforces. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobLimitsOpenApiTest {

  private static final String FIELDS = "components.schemas.JobSubmission.properties.";

  @Test
  void theJobBodyCarriesEveryRange() {
    ValidatableResponse document = openApi()
        .body("paths.'/v1/jobs'.post.requestBody.content.'application/json'.schema.$ref",
            equalTo("#/components/schemas/JobSubmission"))
        .body(FIELDS + "lr.type", equalTo("number"))
        .body(FIELDS + "lr.exclusiveMinimum", equalTo(0))
        .body(FIELDS + "lr.maximum", equalTo(10))
        .body(FIELDS + "lr", not(hasKey("minimum")))
        .body(FIELDS + "size.minimum", equalTo(16))
        .body(FIELDS + "size.x-maximum-input-size-multiple", equalTo(4))
        .body(FIELDS + "thresholds.items.minimum", equalTo(1))
        .body(FIELDS + "thresholds.items.maximum", equalTo(10000));
    integers(document, "steps", 1, 10000);
    integers(document, "batch", 1, 16);
    integers(document, "seed", 0, Integer.MAX_VALUE);
    integers(document, "top_k", 1, 64);
    integers(document, "groups", 0, 16);
    integers(document, "ig_steps", 1, 256);
    document.body(FIELDS + "interpolate.properties.frames.minimum", equalTo(2))
        .body(FIELDS + "interpolate.properties.frames.maximum", equalTo(16))
        .body(FIELDS + "method.enum", equalTo(List.of("grad", "ig")))
        .body(FIELDS + "kind.enum", equalTo(List.of("dataset_examples", "explain", "render")))
        .body(FIELDS + "image.required", equalTo(List.of("dataset", "name")));
  }

  /** The page compares a sweep's settings with these to follow it instead of sweeping again. */
  @Test
  void theRenderSettingsCarryTheirDefaults() {
    openApi()
        .body(FIELDS + "seed.default", equalTo(0))
        .body(FIELDS + "lr.default", equalTo(0.05f))
        .body(FIELDS + "param.default", equalTo("fft"))
        .body(FIELDS + "decorrelate.default", equalTo(true))
        .body(FIELDS + "transforms.default", equalTo("standard"));
  }

  @Test
  void anExplainJobMayComeWithItsImageAndItsViewCarriesTheExplanation() {
    openApi()
        .body("paths.'/v1/jobs'.post.requestBody.content.'multipart/form-data'.schema.$ref",
            equalTo("#/components/schemas/ExplainSubmissionWithImage"))
        .body("components.schemas.ExplainSubmissionWithImage.properties.image.format",
            equalTo("binary"))
        .body("components.schemas.JobView.properties", hasKey("explanation"))
        .body("components.schemas.Request.properties", hasKey("explain"))
        .body("components.schemas.Request.properties", hasKey("interpolate"))
        .body("components.schemas.Explanation.properties", hasKey("top_classes"));
  }

  @Test
  void theJobListsNumbersCarryTheirRanges() {
    openApi()
        .body("paths.'/v1/jobs'.get.parameters.find { it.name == 'limit' }.schema.minimum",
            equalTo(1))
        .body("paths.'/v1/jobs'.get.parameters.find { it.name == 'limit' }.schema.maximum",
            equalTo(100))
        .body("paths.'/v1/jobs'.get.parameters.find { it.name == 'channel' }.schema.minimum",
            equalTo(0));
  }

  private static void integers(ValidatableResponse document, String field, int min, int max) {
    document.body(FIELDS + field + ".type", equalTo("integer"))
        .body(FIELDS + field + ".minimum", equalTo(min))
        .body(FIELDS + field + ".maximum", equalTo(max));
  }

  private static ValidatableResponse openApi() {
    return RestAssured.given().queryParam("format", "json").get("/q/openapi").then()
        .statusCode(200);
  }
}
