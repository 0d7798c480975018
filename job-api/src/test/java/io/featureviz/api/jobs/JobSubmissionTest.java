package io.featureviz.api.jobs;

import static io.featureviz.api.testing.TestApi.given;
import static io.featureviz.api.testing.TestImages.PHOTO_COUNT;
import static io.featureviz.api.testing.TestImages.datasetUpload;
import static io.featureviz.api.testing.TestImages.photo;
import static io.featureviz.api.testing.TestImages.png;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.storage.BucketObjects;
import io.featureviz.api.testing.TestBus;
import io.featureviz.api.testing.TestDatabase;
import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.contracts.explain.Explanation.ClassScore;
import io.featureviz.contracts.explain.Explanation.Completeness;
import io.featureviz.contracts.explain.Explanation.NeuronGroup;
import io.featureviz.contracts.explain.Explanation.PositionAttribution;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.metadata.JobsTable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

/**
 * Submitting renders (interpolations too), dataset-examples and explain jobs: what is published
 * and recorded, what not.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobSubmissionTest {

  private static final String EXAMPLES =
      "\"kind\": \"dataset_examples\", \"model\": \"inception_v3\", \"objective\": \"mixed4:97\"";

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject
  AgroalDataSource dataSource;

  @Inject
  BucketObjects bucket;

  private TestBus bus;

  @BeforeEach
  void connect() {
    bus = new TestBus(bootstrapServers);
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  @Test
  void validJobIsRecordedAndPublishedWithTheEngineDefaults() {
    String id = submit(
        "{\"model\": \"inception_v3\", \"objective\": \"mixed4 : 97\", \"steps\": 64}")
        .then().statusCode(202)
        .header("Location", containsString("/v1/jobs/"))
        .body("status", equalTo("QUEUED"))
        .body("links.events", startsWith("/v1/jobs/"))
        .extract().path("id");

    JobRequest request = published(id);
    assertEquals("inception_v3", request.model());
    assertEquals("mixed4:97", request.objective());
    assertEquals(299, request.size());
    assertEquals(64, request.steps());
    assertEquals(List.of(16, 32, 64), request.effectiveThresholds());
    assertEquals(1, request.batch());
    assertEquals(0.05, request.lr());
    assertEquals("fft", request.param());
    assertEquals("standard", request.transforms());

    List<ConsumerRecord<String, byte[]>> queued = bus.await(Topics.EVENTS, id,
        r -> Messages.read(r.value(), JobEvent.class).status() == JobStatus.QUEUED);
    assertFalse(queued.isEmpty());

    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("status", equalTo("QUEUED"))
        .body("progress.steps", equalTo(64))
        .body("request.objective", equalTo("mixed4:97"))
        .body("request.thresholds", equalTo(List.of(16, 32, 64)))
        .body("artifacts", equalTo(List.of()));
  }

  @Test
  void defaultSearchOfThePhotosIsPublishedAndRecorded() throws Exception {
    String id = submit("{" + EXAMPLES + "}").then().statusCode(202)
        .header("Location", containsString("/v1/jobs/"))
        .body("status", equalTo("QUEUED")).extract().path("id");

    JobRequest request = published(id);
    assertEquals(JobKind.DATASET_EXAMPLES, request.kind());
    assertEquals(new DatasetExamplesSpec("photos", "public-datasets/photos/",
        DatasetExamplesSpec.DEFAULT_TOP_K), request.examples());
    assertEquals("tenant-a", request.tenant());
    assertEquals("inception_v3", request.model());
    assertEquals("mixed4:97", request.objective());
    assertEquals(PHOTO_COUNT, request.steps());
    assertEquals(List.of(PHOTO_COUNT), request.thresholds());
    assertEquals(1, request.batch());
    assertEquals(299, request.size());
    assertFalse(bus.await(Topics.EVENTS, id,
        r -> Messages.read(r.value(), JobEvent.class).status() == JobStatus.QUEUED).isEmpty());

    assertEquals(List.of("dataset_examples", "photos", "public-datasets/photos/", "6"),
        row("SELECT kind, dataset, dataset_prefix, top_k FROM jobs WHERE id = ?", id));
    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("kind", equalTo("dataset_examples"))
        .body("progress.steps", equalTo(PHOTO_COUNT))
        .body("request.dataset", equalTo("photos"))
        .body("request.top_k", equalTo(6))
        .body("request.objective", equalTo("mixed4:97"));
  }

  @Test
  void theTenantsOwnDatasetAndTopKAreSearched() throws Exception {
    datasetUpload().multiPart("id", "two-tiny").multiPart("images", "a.png", png(30))
        .multiPart("images", "b.png", png(31)).post("/v1/datasets").then().statusCode(201);
    String id = submit("{" + EXAMPLES + ", \"dataset\": \"two-tiny\", \"top_k\": 64}").then()
        .statusCode(202).extract().path("id");

    JobRequest request = published(id);
    assertEquals(new DatasetExamplesSpec("two-tiny", "datasets/tenant-a/two-tiny/", 64),
        request.examples());
    assertEquals(2, request.steps());
    assertEquals(List.of(2), request.thresholds());
  }

  @Test
  void aRenderIsStillARenderWithoutDatasetFields() {
    String id = submit("{\"model\": \"inception_v3\", \"objective\": \"mixed4:97\","
        + " \"steps\": 8}").then().statusCode(202).extract().path("id");
    JobRequest request = published(id);
    assertEquals(JobKind.RENDER, request.kind());
    assertEquals(null, request.examples());
    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("kind", equalTo("render"))
        .body("request", not(hasKey("dataset")))
        .body("request", not(hasKey("top_k")));
  }


  private static final String EXPLAIN = "\"kind\": \"explain\", \"model\": \"mobilenet_v2\","
      + " \"layer\": \"expanded_conv_12/add\"";
  private static final String OWL = "\"image\": {\"dataset\": \"photos\", \"name\": \"owl.jpg\"}";

  @Test
  void explainOfADatasetImageIsPublishedWithItsKeyAndTheLabelsClass() throws Exception {
    String id = submit("{" + EXPLAIN + ", " + OWL + ", \"class\": \"goldfish\", \"groups\": 2,"
        + " \"steps\": 16}").then().statusCode(202).extract().path("id");

    JobRequest request = published(id);
    assertEquals(JobKind.EXPLAIN, request.kind());
    assertEquals(new ExplainSpec("owl.jpg", "public-datasets/photos/owl.jpg", "photos",
        "expanded_conv_12/add", 2, ExplainMethod.GRAD, ExplainLimits.DEFAULT_IG_STEPS, 2),
        request.explain());
    assertEquals("layer:expanded_conv_12/add", request.objective());
    assertEquals(5, request.batch());
    assertEquals(224, request.size());
    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("kind", equalTo("explain"))
        .body("request.explain.image", equalTo("owl.jpg"))
        .body("request.explain.dataset", equalTo("photos"))
        .body("request.explain.class_index", equalTo(2))
        .body("request.explain.method", equalTo("grad"))
        .body("request.explain.groups", equalTo(2))
        .body("request.explain", not(hasKey("image_key")))
        .body("$", not(hasKey("explanation")));
    given().queryParam("kind", "explain").get("/v1/jobs").then().statusCode(200)
        .body("items.id", hasItem(id))
        .body("items.kind", everyItem(equalTo("explain")));
  }

  @Test
  void explainWithAnUploadedImageStoresItBeforePublishing() throws Exception {
    byte[] image = photo("bird.bmp");
    String id = given().contentType("multipart/form-data")
        .multiPart("job", "{" + EXPLAIN + ", \"class\": 935, \"method\": \"ig\"}",
            "application/json")
        .multiPart("image", "my bird.bmp", image).post("/v1/jobs")
        .then().statusCode(202).body("status", equalTo("QUEUED")).extract().path("id");

    ExplainSpec spec = published(id).explain();
    String key = "uploads/tenant-a/explain/" + id + ".bmp";
    assertEquals(new ExplainSpec("my bird.bmp", key, null, "expanded_conv_12/add", 935,
        ExplainMethod.IG, ExplainLimits.DEFAULT_IG_STEPS, ExplainLimits.DEFAULT_GROUPS), spec);
    assertEquals(List.of(key), bucket.keys(key));
    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("request.explain.image", equalTo("my bird.bmp"))
        .body("request.explain", not(hasKey("dataset")));
  }

  @Test
  void anUploadedImageIsRemovedWhenItsJobCannotBePublished() throws Exception {
    JobPublisher down = Mockito.mock(JobPublisher.class);
    Mockito.doThrow(new IllegalStateException("broker down")).when(down)
        .publish(Mockito.any(JobRequest.class));
    QuarkusMock.installMockForType(down, JobPublisher.class);
    List<String> before = bucket.keys("uploads/");

    given().contentType("multipart/form-data").multiPart("job", "{" + EXPLAIN + "}")
        .multiPart("image", "owl.jpg", photo("owl.jpg")).post("/v1/jobs")
        .then().statusCode(503).body("type", containsString("bus-unavailable"));

    Mockito.verify(down).publish(Mockito.any(JobRequest.class));
    assertEquals(before, bucket.keys("uploads/"));
  }

  @Test
  void interpolationPublishesTheObjectiveOfEveryFrame() {
    String id = submit("{\"model\": \"inception_v3\", \"steps\": 8, \"interpolate\":"
        + " {\"from\": \"mixed4:97\", \"to\": \"mixed4 : 143\", \"frames\": 4}}")
        .then().statusCode(202).extract().path("id");

    JobRequest request = published(id);
    InterpolationSpec strip = new InterpolationSpec("mixed4:97", "mixed4:143", 4);
    assertEquals(strip, request.interpolate());
    assertEquals(strip.objective().toGrammar(), request.objective());
    assertEquals(4, request.batch());
    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("request.batch", equalTo(4))
        .body("request.interpolate.from", equalTo("mixed4:97"))
        .body("request.interpolate.to", equalTo("mixed4:143"))
        .body("request.interpolate.frames", equalTo(4));
  }

  @Test
  void aSucceededExplainJobShowsTheExplanationTheSinkStored() throws Exception {
    String id = submit("{" + EXPLAIN + ", " + OWL + ", \"groups\": 1}").then().statusCode(202)
        .extract().path("id");
    ClassScore goldfish = new ClassScore(2, "goldfish, Carassius auratus", 0.75, 9.5);
    Explanation explanation = new Explanation("mobilenet_v2", "expanded_conv_12/add", "owl.jpg",
        ExplainMethod.IG, goldfish, List.of(goldfish),
        List.of(new ChannelAttribution(7, 1.5), new ChannelAttribution(3, -0.25)),
        new Completeness(1.25, 1.26, 0.008), 2, 1,
        List.of(new PositionAttribution(0, 0, 1.0, List.of(7)),
            new PositionAttribution(1, 0, 0.25, List.of(3, 7))),
        List.of(new NeuronGroup(0, 1.25, List.of(7, 3), List.of(0.8, 0.6))));
    // the sink's writes of the job's SUCCEEDED event
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", id);
    try (Connection connection = dataSource.getConnection()) {
      JobsTable.recordExplanation(connection, id, explanation);
    }

    given().get("/v1/jobs/" + id).then().statusCode(200)
        .body("explanation.model", equalTo("mobilenet_v2"))
        .body("explanation.method", equalTo("ig"))
        .body("explanation.class.index", equalTo(2))
        .body("explanation.class.label", equalTo("goldfish, Carassius auratus"))
        .body("explanation.top_classes[0].probability", equalTo(0.75f))
        .body("explanation.channels.channel", equalTo(List.of(7, 3)))
        .body("explanation.completeness.gap", equalTo(0.008f))
        .body("explanation.grid_width", equalTo(2))
        .body("explanation.positions[1].channels", equalTo(List.of(3, 7)))
        .body("explanation.groups[0].direction", equalTo(List.of(0.8f, 0.6f)));
  }

  static Stream<Arguments> badRequests() {
    String ok = "\"model\": \"inception_v3\", \"objective\": \"mixed4:97\"";
    return Stream.of(
        Arguments.of("{\"objective\": \"mixed4:97\"}", "model"),
        Arguments.of("{\"model\": \"resnet_9000\", \"objective\": \"mixed4:97\"}", "model"),
        Arguments.of("{\"model\": \"inception_v3\"}", "objective"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"mixed4:\"}", "objective"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"mixed99:1\"}",
            "objective.layer"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"mixed4:5000\"}",
            "objective.channel"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\":"
            + " {\"type\": \"channel\", \"layer\": \"mixed4\", \"channel\": -1}}",
            "objective.channel"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"logit:3\"}",
            "objective.class"),
        Arguments.of("{" + ok + ", \"size\": 8}", "size"),
        Arguments.of("{" + ok + ", \"size\": 4096}", "size"),
        Arguments.of("{" + ok + ", \"steps\": 0}", "steps"),
        Arguments.of("{" + ok + ", \"steps\": 20000}", "steps"),
        Arguments.of("{" + ok + ", \"batch\": 17}", "batch"),
        Arguments.of("{" + ok + ", \"steps\": 100, \"thresholds\": [50, 101]}", "thresholds[1]"),
        Arguments.of("{" + ok + ", \"param\": \"wavelet\"}", "param"),
        Arguments.of("{" + ok + ", \"lr\": -1}", "lr"),
        Arguments.of("{" + ok + ", \"transforms\": \"wobble(3)\"}", "transforms"),
        Arguments.of("{" + ok + ", \"decorrelate\": \"yes\"}", "decorrelate"),
        Arguments.of("{" + ok + ", \"stepz\": 10}", "stepz"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"mixed4:1; mixed4:2\"}",
            "objective"),
        Arguments.of("[1, 2]", "body"),
        Arguments.of("{not json", "body"));
  }

  /** Explain jobs with each bad input; renders with bad interpolations. */
  static Stream<Arguments> badExplainRequests() {
    return Stream.of(
        Arguments.of("{" + EXPLAIN + "}", "image"),
        Arguments.of("{" + EXPLAIN + ", \"image\": {\"dataset\": \"nope\", \"name\": \"owl.jpg\"}}",
            "image.dataset"),
        Arguments.of("{" + EXPLAIN + ", \"image\": {\"dataset\": \"photos\", \"name\": \"x.jpg\"}}",
            "image.name"),
        Arguments.of("{" + EXPLAIN.replace("expanded_conv_12/add", "Logits/AvgPool") + ", " + OWL
            + "}", "layer"),
        Arguments.of("{" + EXPLAIN.replace("expanded_conv_12/add", "nope") + ", " + OWL + "}",
            "layer"),
        Arguments.of("{" + EXPLAIN + ", " + OWL + ", \"class\": 1001}", "class"),
        Arguments.of("{" + EXPLAIN + ", " + OWL + ", \"class\": \"unicorn\"}", "class"),
        Arguments.of("{" + EXPLAIN + ", " + OWL + ", \"method\": \"lrp\"}", "method"),
        Arguments.of("{" + EXPLAIN + ", " + OWL + ", \"ig_steps\": 257}", "ig_steps"),
        Arguments.of("{" + EXPLAIN + ", " + OWL + ", \"groups\": 17}", "groups"),
        Arguments.of("{" + EXPLAIN + ", " + OWL + ", \"objective\": \"mixed4:97\"}", "objective"),
        Arguments.of("{\"model\": \"inception_v3\", \"interpolate\": {\"from\": \"mixed4:97\","
            + " \"to\": \"mixed99:1\"}}", "interpolate.to.layer"),
        Arguments.of("{\"model\": \"inception_v3\", \"interpolate\": {\"from\": \"mixed4:97\","
            + " \"to\": \"mixed4:1\", \"frames\": 1}}", "interpolate.frames"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"mixed4:1\", \"interpolate\":"
            + " {\"from\": \"mixed4:97\", \"to\": \"mixed4:1\"}}", "objective"));
  }

  /** Dataset-examples jobs with bad fields or render settings; renders with dataset fields. */
  static Stream<Arguments> badExamplesRequests() {
    return Stream.of(
        Arguments.of("{\"kind\": \"dataset_examples\", \"objective\": \"mixed4:97\"}", "model"),
        Arguments.of("{\"kind\": \"dataset_examples\", \"model\": \"inception_v3\"}",
            "objective"),
        Arguments.of("{\"kind\": \"examples\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed4:97\"}", "kind"),
        Arguments.of("{" + EXAMPLES.replace("mixed4:97", "mixed4:1 + mixed4:2") + "}",
            "objective"),
        Arguments.of("{" + EXAMPLES.replace("mixed4:97", "logit:3") + "}", "objective"),
        Arguments.of("{" + EXAMPLES.replace("mixed4:97", "mixed4:1; mixed4:2") + "}",
            "objective"),
        Arguments.of("{" + EXAMPLES.replace("mixed4:97", "mixed4:5000") + "}",
            "objective.channel"),
        Arguments.of("{" + EXAMPLES.replace("mixed4:97", "mixed99:1") + "}", "objective.layer"),
        // a 1x1 layer: no position to crop around
        Arguments.of("{\"kind\": \"dataset_examples\", \"model\": \"mobilenet_v2\","
            + " \"objective\": \"Logits/AvgPool:1\"}", "objective"),
        Arguments.of("{" + EXAMPLES + ", \"dataset\": \"no-such-set\"}", "dataset"),
        Arguments.of("{" + EXAMPLES + ", \"dataset\": 7}", "dataset"),
        Arguments.of("{" + EXAMPLES + ", \"top_k\": 0}", "top_k"),
        Arguments.of("{" + EXAMPLES + ", \"top_k\": 65}", "top_k"),
        Arguments.of("{" + EXAMPLES + ", \"top_k\": \"six\"}", "top_k"),
        Arguments.of("{" + EXAMPLES + ", \"size\": 224}", "size"),
        Arguments.of("{" + EXAMPLES + ", \"steps\": 10}", "steps"),
        Arguments.of("{" + EXAMPLES + ", \"thresholds\": [1]}", "thresholds"),
        Arguments.of("{" + EXAMPLES + ", \"batch\": 1}", "batch"),
        Arguments.of("{" + EXAMPLES + ", \"seed\": 1}", "seed"),
        Arguments.of("{" + EXAMPLES + ", \"lr\": 0.1}", "lr"),
        Arguments.of("{" + EXAMPLES + ", \"param\": \"fft\"}", "param"),
        Arguments.of("{" + EXAMPLES + ", \"decorrelate\": true}", "decorrelate"),
        Arguments.of("{" + EXAMPLES + ", \"transforms\": \"none\"}", "transforms"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"mixed4:97\","
            + " \"dataset\": \"photos\"}", "dataset"),
        Arguments.of("{\"model\": \"inception_v3\", \"objective\": \"mixed4:97\", \"top_k\": 3}",
            "top_k"),
        Arguments.of("{\"kind\": \"render\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed4:97\", \"top_k\": 3}", "top_k"));
  }

  @ParameterizedTest
  @MethodSource({"badRequests", "badExamplesRequests", "badExplainRequests"})
  void badRequestIsAProblemNamingTheFieldAndNothingIsPublished(String body, String field) {
    long jobsBefore = bus.endOffsets(Topics.JOBS);
    long eventsBefore = bus.endOffsets(Topics.EVENTS);
    submit(body).then().statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("title", equalTo("Invalid request"))
        .body("errors.field", hasItem(field));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS));
    assertEquals(eventsBefore, bus.endOffsets(Topics.EVENTS));
  }

  @Test
  void aRenderOverTheWorkersMemoryBudgetIsRefusedNamingSizeAndBatch() {
    long jobsBefore = bus.endOffsets(Topics.JOBS);
    long eventsBefore = bus.endOffsets(Topics.EVENTS);
    // within the size and batch limits, but about 8.8 GiB by RenderMemory, over the 3G budget
    submit("{\"model\": \"inception_v3\", \"objective\": \"mixed4:97\", \"size\": 1024,"
        + " \"batch\": 8}").then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of("size", "batch")))
        .body("errors[0].message", containsString("fv.limits.render-memory"));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS));
    assertEquals(eventsBefore, bus.endOffsets(Topics.EVENTS));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    submit("{" + EXAMPLES.replace("mixed4:97", "logit:3") + ", \"dataset\": \"nope\","
        + " \"top_k\": 99, \"steps\": 5, \"lr\": 1}").then().statusCode(400)
        .body("errors.field", equalTo(List.of("steps", "lr", "dataset", "top_k", "objective")))
        .body("errors.find { it.field == 'dataset' }.message", containsString("photos"))
        .body("errors.find { it.field == 'steps' }.message",
            equalTo("not used by dataset_examples jobs"));
    submit("{\"kind\": \"sample\", \"model\": \"inception_v3\", \"objective\": \"mixed4:\"}")
        .then().statusCode(400)
        .body("errors.field", equalTo(List.of("kind", "objective")))
        .body("errors[0].message", equalTo("must be one of dataset_examples, explain, render"));
  }

  private static Response submit(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/jobs");
  }

  private JobRequest published(String id) {
    List<ConsumerRecord<String, byte[]>> jobs = bus.await(Topics.JOBS, id, r -> true);
    assertEquals(1, jobs.size());
    return Messages.read(jobs.get(0).value(), JobRequest.class);
  }

  private List<String> row(String sql, String id) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          values.add(rows.getString(i));
        }
        return values;
      }
    }
  }
}
