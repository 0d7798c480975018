package io.featureviz.api.testing;

import static io.featureviz.api.testing.TestApi.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Jobs as the tests submit them: small renders of {@code tenant-a} that nothing runs. */
public final class TestJobs {

  private TestJobs() {}

  public static String submit(String objective, int steps) {
    return given().contentType(ContentType.JSON)
        .body("{\"model\": \"inception_v3\", \"objective\": \"" + objective + "\", \"steps\": "
            + steps + ", \"size\": 64}")
        .post("/v1/jobs").then().statusCode(202).extract().path("id");
  }

  /** Submits a 4-step 32 px render on the model; the answer, accepted or not. */
  public static ValidatableResponse submitOn(String model, String objective) {
    return given().contentType(ContentType.JSON)
        .body("{\"model\": \"" + model + "\", \"objective\": \"" + objective
            + "\", \"steps\": 4, \"size\": 32}")
        .post("/v1/jobs").then();
  }
}
