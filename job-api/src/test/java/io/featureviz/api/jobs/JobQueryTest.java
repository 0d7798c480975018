package io.featureviz.api.jobs;

import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestDatabase.update;
import static io.featureviz.api.testing.TestImages.download;
import static io.featureviz.api.testing.TestImages.photo;
import static io.featureviz.api.testing.TestImages.sha256;
import static io.featureviz.api.testing.TestJobs.submit;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.testing.TestBus;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobQueryTest {

  @Inject
  AgroalDataSource dataSource;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Test
  void jobShowsProgressValuesAndPresignedArtifacts() throws Exception {
    String id = submit("mixed3:7", 40);
    update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED', progress_step = 40,"
        + " objective_values = '{\"10\": 1.5, \"40\": 3.25}' WHERE id = ?", id);
    update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final, objective_value,"
        + " object_key, width, height, bytes, sha256) VALUES (?, 40, 0, true, 3.25, ?, 64, 64,"
        + " 100, 'ab')", id, "jobs/" + id + "/0/40.png");

    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("status", equalTo("SUCCEEDED"))
        .body("progress.step", equalTo(40))
        .body("objective_values.'40'", equalTo(3.25f))
        .body("artifacts[0].step", equalTo(40))
        .body("artifacts[0].final", equalTo(true))
        .body("artifacts[0].object_key", equalTo("jobs/" + id + "/0/40.png"))
        .body("artifacts[0].url", containsString("X-Amz-Signature="))
        .body("artifacts[0].url", containsString("X-Amz-Expires=900"));
  }

  @Test
  void exampleFrameShowsItsSourceImageAndCrop() throws Exception {
    String id = given().contentType(ContentType.JSON)
        .body("{\"kind\": \"dataset_examples\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed3:9\", \"top_k\": 2}")
        .post("/v1/jobs").then().statusCode(202).extract().path("id");
    String source = "public-datasets/photos/owl.jpg";
    update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED', progress_step = 11 WHERE id = ?",
        id);
    update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final, objective_value,"
        + " object_key, width, height, bytes, sha256, source_image, source_key, source_width,"
        + " source_height, crop) VALUES (?, 11, 0, true, 7.5, ?, 96, 96, 100, 'ab', 'owl.jpg', ?,"
        + " 512, 384, '{120, 40, 200, 180}')", id, "jobs/" + id + "/0/11.png", source);
    update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final, object_key,"
        + " width, height, bytes, sha256) VALUES (?, 11, 1, true, ?, 96, 96, 100, 'cd')", id,
        "jobs/" + id + "/1/11.png");

    JsonPath job = given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("kind", equalTo("dataset_examples"))
        .body("request.top_k", equalTo(2))
        .body("artifacts[0].object_key", equalTo("jobs/" + id + "/0/11.png"))
        .body("artifacts[0].example.image", equalTo("owl.jpg"))
        .body("artifacts[0].example.image_width", equalTo(512))
        .body("artifacts[0].example.image_height", equalTo(384))
        .body("artifacts[0].example.crop", equalTo(List.of(120, 40, 200, 180)))
        .body("artifacts[0].example.image_url", containsString("X-Amz-Signature="))
        .body("artifacts[1]", not(hasKey("example")))
        .extract().jsonPath();
    HttpResponse<byte[]> image = download(job.getString("artifacts[0].example.image_url"));
    assertEquals(200, image.statusCode());
    assertEquals(sha256(photo("owl.jpg")), sha256(image.body()));
  }

  @Test
  void listingFiltersByKind() {
    String render = submit("mixed2:230", 8);
    String examples = given().contentType(ContentType.JSON)
        .body("{\"kind\": \"dataset_examples\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed2:230\"}")
        .post("/v1/jobs").then().statusCode(202).extract().path("id");

    given().queryParam("channel", 230).get("/v1/jobs").then().statusCode(200)
        .body("items.id", containsInAnyOrder(examples, render))
        .body("items.find { it.id == '" + render + "' }.kind", equalTo("render"))
        .body("items.find { it.id == '" + render + "' }.request", not(hasKey("dataset")));
    given().queryParam("channel", 230).queryParam("kind", "dataset_examples").get("/v1/jobs")
        .then().statusCode(200).body("items.id", equalTo(List.of(examples)))
        .body("items[0].request.dataset", equalTo("photos"));
    given().queryParam("channel", 230).queryParam("kind", "render").get("/v1/jobs")
        .then().statusCode(200).body("items.id", equalTo(List.of(render)));
    given().queryParam("kind", "sample").get("/v1/jobs").then().statusCode(400)
        .body("errors.field", hasItem("kind"));
  }

  @Test
  void listedJobsCarryAThumbnailOfTheirNewestFrame() throws Exception {
    String framed = submit("mixed2:221", 8);
    String bare = submit("mixed2:221", 8);
    for (String frame : List.of("4, 0, false", "8, 1, true", "8, 0, true")) {
      String[] values = frame.split(", ");
      update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final, object_key,"
          + " width, height, bytes, sha256) VALUES (?, ?, ?, ?, ?, 64, 64, 100, 'ab')", framed,
          Integer.parseInt(values[0]), Integer.parseInt(values[1]),
          Boolean.parseBoolean(values[2]), "jobs/" + framed + "/" + values[1] + "/" + values[0]
              + ".png");
    }

    given().queryParam("channel", 221).get("/v1/jobs").then().statusCode(200)
        .body("items.find { it.id == '" + framed + "' }.thumbnail",
            containsString("jobs/" + framed + "/0/8.png"))
        .body("items.find { it.id == '" + framed + "' }.thumbnail",
            containsString("X-Amz-Signature="))
        .body("items.find { it.id == '" + bare + "' }", not(hasKey("thumbnail")));
    given().get("/v1/jobs/" + framed).then().statusCode(200).body("$", not(hasKey("thumbnail")));
  }

  @Test
  void unknownAndMalformedIdsAreProblems() {
    given().get("/v1/jobs/" + UUID.randomUUID()).then().statusCode(404)
        .contentType("application/problem+json").body("title", equalTo("Job not found"));
    given().get("/v1/jobs/not-a-uuid").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", hasItem("id"));
    given().delete("/v1/jobs/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void listingIsNewestFirstPagedAndFiltered() {
    // A channel no other test uses, so the filter selects exactly these jobs.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(submit("mixed2:211", 8 + i));
    }
    submit("mixed2:212", 8);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("model", "inception_v3").queryParam("layer", "mixed2")
          .queryParam("channel", 211).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/v1/jobs").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("next");
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    Collections.reverse(ids);
    assertEquals(ids, seen);

    given().queryParam("objective", "mixed2 : 212").get("/v1/jobs").then().statusCode(200)
        .body("items.size()", equalTo(1)).body("next", nullValue());
    given().queryParam("status", "succeeded").queryParam("channel", 211).get("/v1/jobs")
        .then().statusCode(200).body("items.size()", equalTo(0));
    given().queryParam("limit", 101).get("/v1/jobs").then().statusCode(400)
        .body("errors.field", hasItem("limit"));
    given().queryParam("cursor", "garbage").get("/v1/jobs").then().statusCode(400)
        .body("errors.field", hasItem("cursor"));
    given().queryParam("channel", "x").get("/v1/jobs").then().statusCode(400)
        .body("errors.field", hasItem("channel"));
  }

  @Test
  void cancellingPublishesCancelRequestedUnlessTheJobIsFinished() throws Exception {
    String id = submit("mixed4:1", 8);
    given().delete("/v1/jobs/" + id).then().statusCode(202).body("id", equalTo(id));
    try (TestBus bus = new TestBus(bootstrapServers)) {
      // fv.events for the running workers and the streams, fv.cancellations for later workers
      for (String topic : List.of(Topics.EVENTS, Topics.CANCELLATIONS)) {
        assertFalse(bus.await(topic, id, r -> Messages.read(r.value(), JobEvent.class)
            .type() == JobEvent.Type.CANCEL_REQUESTED).isEmpty(), "no request on " + topic);
      }
    }

    update(dataSource, "UPDATE jobs SET status = 'CANCELLED' WHERE id = ?", id);
    given().delete("/v1/jobs/" + id).then().statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void modelsAndLayersComeFromTheCatalog() {
    given().get("/v1/models").then().statusCode(200)
        .body("id", hasItem("inception_v3"))
        .body("find { it.id == 'inception_v3' }.input_size", equalTo(299))
        .body("find { it.id == 'inception_v3' }.status", equalTo("READY"));
    given().get("/v1/models/inception_v3/layers").then().statusCode(200)
        .body("find { it.name == 'mixed4' }.channels", equalTo(768));
    given().get("/v1/models/nope/layers").then().statusCode(404)
        .contentType("application/problem+json");
  }
}
