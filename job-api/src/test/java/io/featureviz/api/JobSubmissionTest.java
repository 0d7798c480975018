package io.featureviz.api;

import static io.featureviz.api.TestApi.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobSubmissionTest {

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

  @Test
  void validJobIsRecordedAndPublishedWithTheEngineDefaults() {
    String id = given().contentType(ContentType.JSON)
        .body("{\"model\": \"inception_v3\", \"objective\": \"mixed4 : 97\", \"steps\": 64}")
        .post("/v1/jobs")
        .then().statusCode(202)
        .header("Location", containsString("/v1/jobs/"))
        .body("status", equalTo("QUEUED"))
        .body("links.events", startsWith("/v1/jobs/"))
        .extract().path("id");

    List<ConsumerRecord<String, byte[]>> jobs = bus.await(Topics.JOBS, id, r -> true);
    assertEquals(1, jobs.size());
    JobRequest request = Messages.read(jobs.get(0).value(), JobRequest.class);
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

  @ParameterizedTest
  @MethodSource("badRequests")
  void badRequestIsAProblemNamingTheFieldAndNothingIsPublished(String body, String field) {
    long jobsBefore = bus.endOffsets(Topics.JOBS);
    long eventsBefore = bus.endOffsets(Topics.EVENTS);
    given().contentType(ContentType.JSON).body(body)
        .post("/v1/jobs")
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body("title", equalTo("Invalid request"))
        .body("errors.field", hasItem(field));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS));
    assertEquals(eventsBefore, bus.endOffsets(Topics.EVENTS));
  }
}
