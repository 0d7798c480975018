package io.featureviz.api.testing;

import static io.featureviz.api.testing.TestApi.given;

import io.restassured.http.ContentType;

/** Jobs as the tests submit them: small renders of {@code tenant-a} that nothing runs. */
public final class TestJobs {

  private TestJobs() {}

  public static String submit(String objective, int steps) {
    return given().contentType(ContentType.JSON)
        .body("{\"model\": \"inception_v3\", \"objective\": \"" + objective + "\", \"steps\": "
            + steps + ", \"size\": 64}")
        .post("/v1/jobs").then().statusCode(202).extract().path("id");
  }
}
