package io.featureviz.api.gallery;

import static io.featureviz.api.testing.TestApi.TENANT_B;
import static io.featureviz.api.testing.TestApi.as;
import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestDatabase.update;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/gallery}: the final frames of a tenant's succeeded renders, each batch element
 * its own image with its own objective. Each test has a tenant of its own, so the gallery holds
 * exactly the jobs the test made.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class GalleryTest {

  @Inject
  AgroalDataSource dataSource;

  private String key;

  @BeforeEach
  void newTenant() throws Exception {
    key = "gallery-" + UUID.randomUUID();
    update(dataSource, "INSERT INTO api_keys (tenant, key_hash)"
        + " VALUES (?, encode(sha256(?::bytea), 'hex'))", "tenant-" + UUID.randomUUID(), key);
  }

  @Test
  void everyBatchElementOfASucceededRenderIsAnImageWithItsOwnObjective() throws Exception {
    String atlas = succeeded(render("mixed3:1;mixed3:2; mixed3 : 3", 3), 3);
    String single = succeeded(render("mixed3:2", 2), 2);

    JsonPath gallery = tenant().get("/v1/gallery").then().statusCode(200)
        .body("next", nullValue()).extract().jsonPath();
    // newest job first, its elements in batch order
    assertEquals(List.of(single, single, atlas, atlas, atlas), gallery.getList("items.job_id"));
    assertEquals(List.of(0, 1, 0, 1, 2), gallery.getList("items.batch_index"));
    assertEquals(List.of("mixed3:2", "mixed3:2", "mixed3:1", "mixed3:2", "mixed3:3"),
        gallery.getList("items.objective"));
    tenant().get("/v1/gallery").then()
        .body("items[2].links.job", equalTo("/v1/jobs/" + atlas))
        .body("items.model", everyItem(equalTo("inception_v3")))
        .body("items.step", everyItem(equalTo(8)))
        .body("items.width", everyItem(equalTo(64)))
        .body("items[2].url", containsString("jobs/" + atlas + "/0/8.png"))
        .body("items.url", everyItem(containsString("X-Amz-Signature=")));
  }

  @Test
  void aChannelIsFoundAloneAndAsOneElementOfABatch() throws Exception {
    String atlas = succeeded(render("mixed3:4; mixed3:5; mixed3:6", 3), 3);
    String alone = succeeded(render("mixed3:5", 1), 1);
    succeeded(render("mixed3:5 + mixed3:6", 1), 1);

    JsonPath found = tenant().queryParam("objective", "mixed3 : 5").queryParam("model",
        "inception_v3").get("/v1/gallery").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(alone, atlas), found.getList("items.job_id"));
    assertEquals(List.of(0, 1), found.getList("items.batch_index"));
    assertEquals(List.of("mixed3:5", "mixed3:5"), found.getList("items.objective"));
    tenant().queryParam("objective", "mixed3:5").queryParam("model", "mobilenet_v2")
        .get("/v1/gallery").then().statusCode(200).body("items.size()", equalTo(0));
  }

  @Test
  void onlyFinalFramesOfSucceededRendersAreShown() throws Exception {
    String done = succeeded(render("mixed3:7", 1), 1);
    frame(done, 4, 0, false);
    String running = render("mixed3:7", 1);
    update(dataSource, "UPDATE jobs SET status = 'RUNNING' WHERE id = ?", running);
    frame(running, 4, 0, false);
    String cancelled = render("mixed3:7", 1);
    update(dataSource, "UPDATE jobs SET status = 'CANCELLED' WHERE id = ?", cancelled);
    frame(cancelled, 8, 0, true);
    String examples = tenant().contentType(ContentType.JSON)
        .body("{\"kind\": \"dataset_examples\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed3:7\", \"top_k\": 2}")
        .post("/v1/jobs").then().statusCode(202).extract().path("id");
    update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", examples);
    frame(examples, 11, 0, true);

    tenant().get("/v1/gallery").then().statusCode(200)
        .body("items.job_id", equalTo(List.of(done)))
        .body("items[0].step", equalTo(8));
  }

  @Test
  void anotherTenantsImagesAreNotShown() throws Exception {
    String mine = succeeded(render("mixed3:8", 1), 1);
    as(TENANT_B).get("/v1/gallery").then().statusCode(200)
        .body("items.job_id", not(hasItem(mine)));
    given().get("/v1/gallery").then().statusCode(200).body("items.job_id", not(hasItem(mine)));
    RestAssured.given().get("/v1/gallery").then().statusCode(401);
  }

  @Test
  void pagesFollowOneAnotherThroughABatch() throws Exception {
    String atlas = succeeded(render("mixed3:9;mixed3:10;mixed3:11", 3), 3);
    String single = succeeded(render("mixed3:12", 1), 1);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      RequestSpecification request = tenant().queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/v1/gallery").then().statusCode(200).extract().jsonPath();
      List<String> jobs = page.getList("items.job_id");
      List<Integer> elements = page.getList("items.batch_index");
      for (int i = 0; i < jobs.size(); i++) {
        seen.add(jobs.get(i) + "/" + elements.get(i));
      }
      cursor = page.getString("next");
    } while (cursor != null);
    assertEquals(List.of(single + "/0", atlas + "/0", atlas + "/1", atlas + "/2"), seen);
  }

  @Test
  void badParametersAreProblemsNamingThem() {
    for (String[] bad : List.of(new String[] {"limit", "0"}, new String[] {"limit", "101"},
        new String[] {"cursor", "garbage"}, new String[] {"model", "../etc"},
        new String[] {"objective", "mixed3:1; mixed3:2"}, new String[] {"objective", "mixed3:"})) {
      tenant().queryParam(bad[0], bad[1]).get("/v1/gallery").then().statusCode(400)
          .contentType("application/problem+json").body("errors.field", hasItem(bad[0]));
    }
  }

  @Test
  void galleryIsDescribedInTheOpenApiDocument() {
    RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
        .body("paths.'/v1/gallery'.get.summary", equalTo("List finished images"))
        .body("paths.'/v1/gallery'.get.parameters.name", hasItem("objective"))
        .body("components.schemas.GalleryItem.properties", hasKey("batch_index"));
  }

  private RequestSpecification tenant() {
    return RestAssured.given().header("Authorization", "Bearer " + key);
  }

  /** An 8-step 64 px render of the batch, as submitted through the API. */
  private String render(String objective, int batch) {
    return tenant().contentType(ContentType.JSON)
        .body("{\"model\": \"inception_v3\", \"objective\": \"" + objective + "\", \"steps\": 8,"
            + " \"size\": 64, \"batch\": " + batch + "}")
        .post("/v1/jobs").then().statusCode(202).extract().path("id");
  }

  /** Plays the sink and the worker: the job succeeded with a final frame per element. */
  private String succeeded(String id, int batch) throws Exception {
    for (int element = 0; element < batch; element++) {
      frame(id, 8, element, true);
    }
    update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED', progress_step = 8 WHERE id = ?",
        id);
    return id;
  }

  private void frame(String id, int step, int element, boolean isFinal) throws Exception {
    update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final, objective_value,"
        + " object_key, width, height, bytes, sha256) VALUES (?, ?, ?, ?, 1.5, ?, 64, 64, 100,"
        + " 'ab')", id, step, element, isFinal, "jobs/" + id + "/" + element + "/" + step + ".png");
  }
}
