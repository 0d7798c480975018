package io.featureviz.api.jobs;

import static io.featureviz.api.testing.TestApi.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.api.testing.TestBus;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number a job takes, just outside its range, is refused before anything is queued with a
 * problem naming the field and its range; at the edges of the range, it is accepted as given.
 * {@code inception_v3} takes 299 px, {@code mobilenet_v2} 224 px.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobLimitsTest {

  private static final String RENDER = "\"model\": \"inception_v3\", \"objective\": \"mixed4:97\"";
  private static final String EXAMPLES = "\"kind\": \"dataset_examples\", " + RENDER;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  private TestBus bus;

  @BeforeEach
  void connect() {
    bus = new TestBus(bootstrapServers);
  }

  @AfterEach
  void disconnect() {
    bus.close();
  }

  static Stream<Arguments> justOutside() {
    String size = "must be an integer from 16 to 1196";
    String steps = "must be an integer from 1 to 10000";
    String batch = "must be an integer from 1 to 16";
    String seed = "must be an integer from 0 to 2147483647";
    String lr = "must be a number in (0, 10]";
    String topK = "must be an integer from 1 to 64";
    return Stream.of(
        Arguments.of("{" + RENDER + ", \"size\": 15}", "size", size),
        Arguments.of("{" + RENDER + ", \"size\": 1197}", "size", size),
        Arguments.of("{\"model\": \"mobilenet_v2\", \"objective\": \"softmax:goldfish\","
            + " \"size\": 897}", "size", "must be an integer from 16 to 896"),
        Arguments.of("{" + RENDER + ", \"steps\": 0}", "steps", steps),
        Arguments.of("{" + RENDER + ", \"steps\": 10001}", "steps", steps),
        Arguments.of("{" + RENDER + ", \"batch\": 0}", "batch", batch),
        Arguments.of("{" + RENDER + ", \"batch\": 17}", "batch", batch),
        Arguments.of("{" + RENDER + ", \"steps\": 10, \"thresholds\": [0]}", "thresholds[0]",
            "must be an integer from 1 to 10, a step of the job"),
        Arguments.of("{" + RENDER + ", \"steps\": 10, \"thresholds\": [10, 11]}",
            "thresholds[1]", "must be an integer from 1 to 10, a step of the job"),
        Arguments.of("{" + RENDER + ", \"seed\": -1}", "seed", seed),
        Arguments.of("{" + RENDER + ", \"seed\": 2147483648}", "seed", seed),
        Arguments.of("{" + RENDER + ", \"lr\": 0}", "lr", lr),
        Arguments.of("{" + RENDER + ", \"lr\": 10.000001}", "lr", lr),
        Arguments.of("{" + EXAMPLES + ", \"top_k\": 0}", "top_k", topK),
        Arguments.of("{" + EXAMPLES + ", \"top_k\": 65}", "top_k", topK));
  }

  @ParameterizedTest
  @MethodSource("justOutside")
  void aNumberJustOutsideItsRangeIsRefusedAndNothingIsQueued(String body, String field,
      String range) {
    long jobsBefore = bus.endOffsets(Topics.JOBS);
    long eventsBefore = bus.endOffsets(Topics.EVENTS);
    submit(body).then().statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", equalTo(List.of(field)))
        .body("errors[0].message", equalTo(range));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS));
    assertEquals(eventsBefore, bus.endOffsets(Topics.EVENTS));
  }

  @Test
  void theLowerEdgesAreAccepted() {
    JobRequest request = accepted("{" + RENDER + ", \"size\": 16, \"steps\": 1, \"batch\": 1,"
        + " \"thresholds\": [1], \"seed\": 0, \"lr\": 1e-9}");
    assertEquals(List.of(16, 1, 1, 0), List.of(request.size(), request.steps(), request.batch(),
        (int) request.seed()));
    assertEquals(List.of(1), request.thresholds());
    assertEquals(1e-9, request.lr());
  }

  /** The largest batch is sent at a small size, which no memory budget could refuse. */
  @Test
  void theUpperEdgesAreAccepted() {
    JobRequest request = accepted("{" + RENDER + ", \"size\": 1196, \"steps\": 10000,"
        + " \"thresholds\": [10000], \"seed\": 2147483647, \"lr\": 10}");
    assertEquals(List.of(1196, 10000), List.of(request.size(), request.steps()));
    assertEquals(List.of(10000), request.thresholds());
    assertEquals(2147483647L, request.seed());
    assertEquals(10.0, request.lr());
    assertEquals(16, accepted("{" + RENDER + ", \"size\": 16, \"batch\": 16}").batch());
  }

  @Test
  void theSizeLimitIsTheModelsOwn() {
    assertEquals(896, accepted("{\"model\": \"mobilenet_v2\", \"objective\":"
        + " \"softmax:goldfish\", \"size\": 896}").size());
  }

  @Test
  void topKIsAcceptedAtBothEdges() {
    assertEquals(1, accepted("{" + EXAMPLES + ", \"top_k\": 1}").examples().topK());
    assertEquals(64, accepted("{" + EXAMPLES + ", \"top_k\": 64}").examples().topK());
  }

  @Test
  void theNumbersOfTheJobListAreBounded() {
    for (String limit : List.of("0", "101")) {
      given().queryParam("limit", limit).get("/v1/jobs").then().statusCode(400)
          .body("errors.field", hasItem("limit"))
          .body("errors[0].message", equalTo("must be an integer from 1 to 100"));
    }
    given().queryParam("channel", "-1").get("/v1/jobs").then().statusCode(400)
        .body("errors[0].message", equalTo("must be an integer from 0 to 2147483647"));
    given().queryParam("limit", "100").queryParam("channel", "0").get("/v1/jobs").then()
        .statusCode(200);
  }

  private static Response submit(String body) {
    return given().contentType(ContentType.JSON).body(body).post("/v1/jobs");
  }

  private JobRequest accepted(String body) {
    String id = submit(body).then().statusCode(202).extract().path("id");
    return Messages.read(bus.await(Topics.JOBS, id, r -> true).get(0).value(), JobRequest.class);
  }
}
