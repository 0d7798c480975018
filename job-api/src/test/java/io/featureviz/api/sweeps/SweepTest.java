package io.featureviz.api.sweeps;

import static io.featureviz.api.testing.TestApi.as;
import static io.featureviz.api.testing.TestApi.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.jobs.JobPublisher;
import io.featureviz.api.testing.TestApi;
import io.featureviz.api.testing.TestBus;
import io.featureviz.api.testing.TestDatabase;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sweeps on the real stack (PostgreSQL, Kafka): what a submission publishes and records, reuse,
 * progress from the frames the sink stores, cancellation, tenants, the outbox. The tests play
 * the sink (frames rows, job statuses); each uses its own seed, so no sweep reuses another
 * test's images.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SweepTest {

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @Inject
  AgroalDataSource dataSource;

  @Inject
  SweepOutbox outbox;

  @Inject
  SweepRepository repository;

  @Inject
  JobPublisher publisher;

  @TestHTTPResource("/v1/sweeps")
  URL sweeps;

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
  void layerIsSplitIntoShardsOfAtMostEightChannelsOnFvJobs() throws Exception {
    String id = submit("\"layers\": [\"mixed4\"], \"channels\": \"0-9\"", 11)
        .header("Location", containsString("/v1/sweeps/"))
        .body("status", equalTo("queued"))
        .body("channels_total", equalTo(10))
        .body("channels_done", equalTo(0))
        .body("layers[0].layer", equalTo("mixed4"))
        .body("layers[0].channels_total", equalTo(10))
        .body("settings.size", equalTo(64))
        .body("settings.seed", equalTo(11))
        .extract().path("id");

    List<String> shards = shardJobs(id);
    assertEquals(2, shards.size(), "shards " + shards);
    List<String> objectives = new ArrayList<>();
    for (String shard : shards) {
      JobRequest request = published(shard);
      assertEquals(request.batch(), request.objective().split(";").length);
      assertEquals(64, request.size());
      assertEquals(8, request.steps());
      assertEquals(11, request.seed());
      objectives.add(request.objective());
    }
    assertTrue(objectives.contains("mixed4:0; mixed4:1; mixed4:2; mixed4:3; mixed4:4; mixed4:5;"
        + " mixed4:6; mixed4:7"), objectives.toString());
    assertTrue(objectives.contains("mixed4:8; mixed4:9"), objectives.toString());
  }

  @Test
  void channelsRenderedBeforeWithTheSameSettingsAreReusedNotPublished() throws Exception {
    String first = submit("\"layers\": [\"mixed3\"], \"channels\": \"0-2\"", 12)
        .extract().path("id");
    String shard = shardJobs(first).get(0);
    succeed(shard, 3);
    given().get("/v1/sweeps/" + first).then().statusCode(200)
        .body("status", equalTo("succeeded"))
        .body("channels_done", equalTo(3))
        .body("artifacts.url", hasItem(containsString("X-Amz-Signature=")))
        .body("artifacts[2].channel", equalTo(2))
        .body("artifacts[2].job_id", equalTo(shard))
        .body("artifacts[2].batch_index", equalTo(2));

    long jobsBefore = bus.endOffsets(Topics.JOBS);
    submit("\"layers\": [\"mixed3\"], \"channels\": \"0-2\"", 12)
        .body("status", equalTo("succeeded"))
        .body("channels_reused", equalTo(3))
        .body("artifacts[1].job_id", equalTo(shard));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS), "a re-submitted sweep published jobs");
    given().delete("/v1/sweeps/" + first).then().statusCode(409)
        .body("detail", equalTo("sweep " + first + " has succeeded and cannot be cancelled"));
    given().get("/v1/sweeps/" + first).then().statusCode(200).body("status", equalTo("succeeded"));

    String wider = submit("\"layers\": [\"mixed3\"], \"channels\": \"0-3\"", 12)
        .body("channels_reused", equalTo(3)).extract().path("id");
    assertEquals("mixed3:3", published(shardJobs(wider).get(0)).objective());
    submit("\"layers\": [\"mixed3\"], \"channels\": \"0-2\"", 13)
        .body("channels_reused", equalTo(0));
  }

  /**
   * Dataset examples: one search per channel, published beside the render shards; a finished
   * search of the same dataset, channel and top_k is reused as images are.
   */
  @Test
  void examplesAreASearchPerChannelAndFinishedSearchesAreReused() throws Exception {
    String fields = "\"layers\": [\"mixed3\"], \"channels\": \"4-5\","
        + " \"examples\": {\"dataset\": \"photos\", \"top_k\": 4}";
    String first = submit(fields, 16)
        .body("examples.dataset", equalTo("photos"))
        .body("examples.top_k", equalTo(4))
        .body("examples.jobs.status", everyItem(equalTo("QUEUED")))
        .body("examples.jobs.channel", contains(4, 5))
        .extract().path("id");
    List<String> jobs = shardJobs(first);
    List<String> searches = jobs.stream()
        .filter(job -> published(job).kind() == JobKind.DATASET_EXAMPLES).toList();
    assertEquals(3, jobs.size(), "one render shard and two searches: " + jobs);
    assertEquals(2, searches.size(), "searches " + searches);
    for (String search : searches) {
      JobRequest request = published(search);
      assertTrue(List.of("mixed3:4", "mixed3:5").contains(request.objective()), request::toString);
      assertEquals("photos", request.examples().dataset());
      assertEquals(4, request.examples().topK());
    }
    String render = jobs.stream().filter(job -> !searches.contains(job)).findFirst().orElseThrow();
    succeed(render, 2);
    for (String search : searches) {
      TestDatabase.update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", search);
    }

    long jobsBefore = bus.endOffsets(Topics.JOBS);
    submit(fields, 16)
        .body("status", equalTo("succeeded"))
        .body("channels_reused", equalTo(2))
        .body("examples.jobs.job_id", containsInAnyOrder(searches.toArray()))
        .body("examples.jobs.status", everyItem(equalTo("SUCCEEDED")));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS),
        "a re-submitted sweep with examples published jobs");
    String otherTopK = submit(fields.replace("\"top_k\": 4", "\"top_k\": 5"), 16)
        .extract().path("id");
    assertEquals(2, shardJobs(otherTopK).size(), "images reused, two new searches");
  }

  /**
   * An identical sweep submitted while the first renders shares its shards: it publishes
   * nothing and follows their progress. Cancelling the first leaves them rendering for the
   * second (nothing asks them to stop), and a shared shard that fails fails the second.
   */
  @Test
  void anIdenticalSweepSharesTheShardsStillRenderingAndOutlivesTheFirstsCancel()
      throws Exception {
    String fields = "\"layers\": [\"mixed5\"], \"channels\": \"0-9\"";
    String first = submit(fields, 41).extract().path("id");
    List<String> shards = shardJobs(first);
    String eight = shards.stream().filter(s -> batch(s) == 8).findFirst().orElseThrow();
    String two = shards.stream().filter(s -> batch(s) == 2).findFirst().orElseThrow();

    long jobsBefore = bus.endOffsets(Topics.JOBS);
    String second = submit(fields, 41)
        .body("status", equalTo("queued"))
        .body("channels_reused", equalTo(10))
        .extract().path("id");
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS), "the second sweep published jobs");
    assertEquals(List.of(), shardJobs(second));
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'RUNNING' WHERE id = ?", eight);
    given().get("/v1/sweeps/" + second).then().body("status", equalTo("running"));

    long eventsBefore = bus.endOffsets(Topics.EVENTS);
    given().delete("/v1/sweeps/" + first).then().statusCode(202)
        .body("status", equalTo("cancelled"));
    assertEquals(eventsBefore, bus.endOffsets(Topics.EVENTS),
        "cancelling the first sweep asked the shards the second awaits to stop");

    succeed(eight, 8);
    TestDatabase.update(dataSource,
        "UPDATE jobs SET status = 'FAILED', reason = 'objective not finite' WHERE id = ?", two);
    given().get("/v1/sweeps/" + second).then()
        .body("status", equalTo("failed"))
        .body("channels_done", equalTo(8))
        .body("artifacts.job_id", everyItem(equalTo(eight)))
        .body("reason", containsString(two + ": objective not finite"));
    given().get("/v1/sweeps/" + first).then().body("status", equalTo("cancelled"));
  }

  /**
   * The shards a second sweep shares go on after the first is cancelled; cancelling the second
   * too stops them: the one sent is asked to stop, the one not sent yet is recorded CANCELLED
   * and never sent.
   */
  @Test
  void cancellingTheLastSweepThatSharesAShardStopsIt() throws Exception {
    String fields = "\"layers\": [\"mixed5\"], \"channels\": \"10-19\"";
    String first = submit(fields, 49).extract().path("id");
    List<JobRequest> shards = shardJobs(first).stream().map(this::published).toList();
    JobRequest eight = shards.stream().filter(s -> s.batch() == 8).findFirst().orElseThrow();
    JobRequest two = shards.stream().filter(s -> s.batch() == 2).findFirst().orElseThrow();
    String second = submit(fields, 49).body("channels_reused", equalTo(10)).extract().path("id");
    // as if the outbox had not sent this one yet
    TestDatabase.update(dataSource,
        "UPDATE sweep_shards SET published = false WHERE job_id = ?", two.id());
    long cancellationsBefore = bus.endOffsets(Topics.CANCELLATIONS);
    given().delete("/v1/sweeps/" + first).then().statusCode(202);
    assertEquals(cancellationsBefore, bus.endOffsets(Topics.CANCELLATIONS),
        "the first sweep's cancel stopped shards the second awaits");

    given().delete("/v1/sweeps/" + second).then().statusCode(202)
        .body("status", equalTo("cancelled"));

    assertEquals(cancellationsBefore + 1, bus.endOffsets(Topics.CANCELLATIONS),
        "stop requests for exactly the shard sent");
    assertTrue(!bus.await(Topics.CANCELLATIONS, eight.id(), this::cancelRequested).isEmpty(),
        "the shared shard that was sent was not asked to stop");
    assertTrue(!bus.await(Topics.EVENTS, two.id(), record -> Messages.read(record.value(),
        JobEvent.class).status() == JobStatus.CANCELLED).isEmpty(),
        "the shared shard not sent was not recorded cancelled");
    long jobsBefore = bus.endOffsets(Topics.JOBS);
    assertTrue(outbox.publish(shards));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS), "a shard no sweep awaits was published");
  }

  /**
   * A sweep recorded while the first one's cancellation runs (here, a transaction that holds the
   * tenant's lock as a submission does, recording channels that await the first sweep's shards)
   * either shares shards that go on or none at all: the cancellation waits for it and then leaves
   * the awaited shards running.
   */
  @Test
  void aCancellationWaitsForASweepBeingRecordedThatSharesItsShards() throws Exception {
    String first = submit("\"layers\": [\"mixed5\"], \"channels\": \"20-23\"", 44)
        .extract().path("id");
    long eventsBefore = bus.endOffsets(Topics.EVENTS);
    CompletableFuture<Integer> cancel;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      SweepRepository.lockTenant(connection, TestApi.TENANT_A);
      String sharing = UUID.randomUUID().toString();
      try (PreparedStatement sweep = connection.prepareStatement("""
              INSERT INTO sweeps (id, tenant, model, layers, all_layers, channels, settings)
              SELECT ?, tenant, model, layers, all_layers, channels, settings FROM sweeps
              WHERE id = ?""");
          PreparedStatement channels = connection.prepareStatement("""
              INSERT INTO sweep_channels (sweep_id, position, layer, channel, job_id,
                                          batch_index, reused)
              SELECT ?, position, layer, channel, job_id, batch_index, true FROM sweep_channels
              WHERE sweep_id = ?""")) {
        sweep.setString(1, sharing);
        sweep.setString(2, first);
        sweep.executeUpdate();
        channels.setString(1, sharing);
        channels.setString(2, first);
        assertEquals(4, channels.executeUpdate());
      }
      cancel = CompletableFuture.supplyAsync(
          () -> given().delete("/v1/sweeps/" + first).then().extract().statusCode());
      // Time for a cancellation that does not wait to look at the sweeps and ask the shard to stop.
      Thread.sleep(1000);
      connection.commit();
    }
    assertEquals(202, cancel.get(30, TimeUnit.SECONDS));
    assertEquals(eventsBefore, bus.endOffsets(Topics.EVENTS),
        "the cancellation asked the shard that the sweep recorded meanwhile awaits to stop");
  }

  @Test
  void progressCountsTheStoredFinalFramesAndFailedShardsFailTheSweep() throws Exception {
    String id = submit("\"layers\": [\"mixed2\"], \"channels\": \"0-9\"", 14).extract().path("id");
    List<String> shards = shardJobs(id);
    String eight = shards.stream().filter(s -> batch(s) == 8).findFirst().orElseThrow();
    String two = shards.stream().filter(s -> batch(s) == 2).findFirst().orElseThrow();

    frame(eight, 0, false);
    frame(eight, 1, true);
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'RUNNING' WHERE id = ?", eight);
    given().get("/v1/sweeps/" + id).then().statusCode(200)
        .body("status", equalTo("running"))
        .body("channels_done", equalTo(1))
        .body("layers[0].channels_done", equalTo(1))
        .body("artifacts.size()", equalTo(1));

    for (int i : new int[] {0, 2, 3, 4, 5, 6, 7}) {
      frame(eight, i, true);
    }
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", eight);
    TestDatabase.update(dataSource,
        "UPDATE jobs SET status = 'FAILED', reason = 'objective not finite' WHERE id = ?", two);
    given().get("/v1/sweeps/" + id).then().statusCode(200)
        .body("status", equalTo("failed"))
        .body("channels_done", equalTo(8))
        .body("reason", containsString(two + ": objective not finite"));
  }

  /**
   * A shard that succeeded without its image stored leaves the sweep running for the grace
   * (the sink may store it a moment after the status), then fails it naming the image; an image
   * stored after all still counts.
   */
  @Test
  void anImageNeverStoredForASucceededShardFailsTheSweepOnceTheGraceIsOver() throws Exception {
    String id = submit("\"layers\": [\"mixed2\"], \"channels\": \"10-11\"", 48)
        .extract().path("id");
    String shard = shardJobs(id).get(0);
    frame(shard, 0, true);
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", shard);
    given().get("/v1/sweeps/" + id).then().statusCode(200)
        .body("status", equalTo("running"))
        .body("channels_done", equalTo(1));

    TestDatabase.update(dataSource,
        "UPDATE jobs SET updated_at = now() - interval '6 minutes' WHERE id = ?", shard);
    given().get("/v1/sweeps/" + id).then().statusCode(200)
        .body("status", equalTo("failed"))
        .body("reason", equalTo("job " + shard + ": succeeded, but its image 1 (mixed2:11) was"
            + " never stored"));

    frame(shard, 1, true);
    given().get("/v1/sweeps/" + id).then().statusCode(200)
        .body("status", equalTo("succeeded"))
        .body("channels_done", equalTo(2));
  }

  @Test
  void aLayerNarrowsTheViewToItsImagesAndAnotherLayerIsRefused() throws Exception {
    String id = submit("\"layers\": [\"mixed3\", \"mixed4\"], \"channels\": \"0-1\"", 16)
        .extract().path("id");
    for (String shard : shardJobs(id)) {
      succeed(shard, batch(shard));
    }
    given().get("/v1/sweeps/" + id).then().statusCode(200)
        .body("artifacts.layer", contains("mixed3", "mixed3", "mixed4", "mixed4"));
    given().queryParam("layer", "mixed4").get("/v1/sweeps/" + id).then().statusCode(200)
        .body("status", equalTo("succeeded"))
        .body("channels_total", equalTo(4))
        .body("layers.layer", contains("mixed3", "mixed4"))
        .body("artifacts.layer", contains("mixed4", "mixed4"))
        .body("artifacts.channel", contains(0, 1));
    given().queryParam("layer", "mixed5").get("/v1/sweeps/" + id).then().statusCode(400)
        .body("errors[0].field", equalTo("layer"))
        .body("errors[0].message", containsString("mixed3, mixed4"));
  }

  @Test
  void cancellingAsksEveryUnfinishedShardToStopAndIsIdempotent() throws Exception {
    String id = submit("\"layers\": [\"mixed1\"], \"channels\": \"0-11\"", 15).extract().path("id");
    List<String> shards = shardJobs(id);
    succeed(shards.get(0), batch(shards.get(0)));

    given().delete("/v1/sweeps/" + id).then().statusCode(202).body("status", equalTo("cancelled"));
    given().delete("/v1/sweeps/" + id).then().statusCode(202).body("status", equalTo("cancelled"));
    assertTrue(bus.await(Topics.EVENTS, shards.get(1), this::cancelRequested).size() >= 1,
        "the unfinished shard was not asked to stop");
    assertTrue(bus.await(Topics.CANCELLATIONS, shards.get(1), this::cancelRequested).size() >= 1,
        "workers started later would not know the unfinished shard is cancelled");
  }

  /**
   * tenant-t may have two sweeps unfinished (the test profile): of six submitted at the same
   * moment, two are recorded and four refused, however their counts and inserts interleave.
   */
  @Test
  void sweepsSubmittedAtOnceNeverOvershootTheQuota() throws Exception {
    List<CompletableFuture<Integer>> burst = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long seed = 30 + i;
      burst.add(CompletableFuture.supplyAsync(() -> post("tenant-t",
          "\"layers\": [\"mixed3\"], \"channels\": \"0-1\"", seed).extract().statusCode()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<Integer> status : burst) {
      statuses.add(status.get(60, TimeUnit.SECONDS));
    }
    assertEquals(2, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
    assertEquals(4, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    as("tenant-t").get("/v1/sweeps").then().statusCode(200).body("items.size()", equalTo(2));
  }

  /** Two identical sweeps submitted at the same moment render each channel once between them. */
  @Test
  void identicalSweepsSubmittedAtOnceRenderEachChannelOnce() throws Exception {
    List<CompletableFuture<String>> pair = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      pair.add(CompletableFuture.supplyAsync(() -> submit(
          "\"layers\": [\"mixed5\"], \"channels\": \"10-19\"", 42).extract().path("id")));
    }
    int shards = 0;
    for (CompletableFuture<String> sweep : pair) {
      shards += shardJobs(sweep.get(60, TimeUnit.SECONDS)).size();
    }
    assertEquals(2, shards, "10 channels are two shards, published once");
  }

  /** tenant-s may have one job and one sweep unfinished (the test profile). */
  @Test
  void shardsLeaveTheJobQuotaFreeWhileUnfinishedSweepsHaveTheirOwnQuota() throws Exception {
    String tenant = "tenant-s";
    String first = post(tenant, "\"layers\": [\"mixed4\"], \"channels\": \"0-9\"", 21)
        .statusCode(202).extract().path("id");
    List<String> shards = shardJobs(first);
    assertEquals(2, shards.size(), "shards " + shards);

    String job = "{\"model\": \"inception_v3\", \"objective\": \"mixed3:1\", \"steps\": 8,"
        + " \"size\": 64}";
    as(tenant).contentType(ContentType.JSON).body(job).post("/v1/jobs").then().statusCode(202);
    as(tenant).contentType(ContentType.JSON).body(job).post("/v1/jobs").then().statusCode(429);

    post(tenant, "\"layers\": [\"mixed3\"], \"channels\": \"0-2\"", 22).statusCode(429)
        .header("Retry-After", "60")
        .body("detail", equalTo("at most 1 sweeps may be unfinished at once"));
    post(tenant, "\"layers\": [\"nope\"]", 22).statusCode(400);
    for (String shard : shards) {
      succeed(shard, batch(shard));
    }
    post(tenant, "\"layers\": [\"mixed3\"], \"channels\": \"0-2\"", 22).statusCode(202);
  }

  @Test
  void otherTenantsSweepsAreNotFoundNorListed() {
    String id = submit("\"layers\": [\"mixed0\"], \"channels\": \"0\"", 16).extract().path("id");
    as(TestApi.TENANT_B).get("/v1/sweeps/" + id).then().statusCode(404);
    as(TestApi.TENANT_B).delete("/v1/sweeps/" + id).then().statusCode(404);
    as(TestApi.TENANT_B).get("/v1/sweeps/" + id + "/events").then().statusCode(404);
    as(TestApi.TENANT_B).get("/v1/sweeps").then().statusCode(200)
        .body("items.id", not(hasItem(id)));
    given().queryParam("model", "inception_v3").queryParam("limit", 1).get("/v1/sweeps").then()
        .statusCode(200)
        .body("items[0].id", equalTo(id))
        .body("items[0].artifacts", equalTo(null))
        .body("next", not(equalTo(null)));
    given().queryParam("model", "mobilenet_v2").get("/v1/sweeps").then().statusCode(200)
        .body("items.id", not(hasItem(id)));
  }

  @Test
  void shardsNotAcknowledgedBeforeAStopArePublishedAgain() throws Exception {
    String id = submit("\"layers\": [\"mixed0\"], \"channels\": \"1-2\"", 17).extract().path("id");
    String shard = shardJobs(id).get(0);
    // as if the API had stopped between recording the sweep and Kafka's acknowledgement
    TestDatabase.update(dataSource,
        "UPDATE sweep_shards SET published = false WHERE job_id = ?", shard);

    outbox.publishPending();

    assertEquals(2, bus.await(Topics.JOBS, shard, r -> true).size(), "published again");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT published FROM sweep_shards WHERE job_id = ?")) {
      select.setString(1, shard);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        assertTrue(rows.getBoolean(1));
      }
    }
  }

  /**
   * The outbox publishes a new sweep's shards after the answer, reading each chunk again first: a
   * sweep cancelled meanwhile publishes no more of them.
   */
  @Test
  void shardsOfASweepCancelledBeforeTheyArePublishedAreNotPublished() throws Exception {
    String id = submit("\"layers\": [\"mixed1\"], \"channels\": \"12-21\"", 19)
        .extract().path("id");
    List<JobRequest> shards = shardJobs(id).stream().map(this::published).toList();
    // as if the outbox had not reached them yet when the DELETE came
    for (JobRequest shard : shards) {
      TestDatabase.update(dataSource,
          "UPDATE sweep_shards SET published = false WHERE job_id = ?", shard.id());
    }
    given().delete("/v1/sweeps/" + id).then().statusCode(202);
    long jobsBefore = bus.endOffsets(Topics.JOBS);

    assertTrue(outbox.publish(shards));

    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS), "shards of a cancelled sweep published");
  }

  /**
   * A cancellation that comes while the outbox sends a chunk of the sweep's shards waits for the
   * chunk, then asks exactly the shards sent to stop; the others are recorded CANCELLED and
   * never sent.
   */
  @Test
  void aCancellationDuringAChunkStopsExactlyTheShardsSent() throws Exception {
    String id = submit("\"layers\": [\"mixed1\"], \"channels\": \"22-37\"", 47)
        .extract().path("id");
    List<JobRequest> shards = shardJobs(id).stream().map(this::published).toList();
    assertTrue(shards.size() >= 2, "one shard in the chunk and others after it: " + shards);
    // as if the outbox had not sent them yet
    for (JobRequest shard : shards) {
      TestDatabase.update(dataSource,
          "UPDATE sweep_shards SET published = false WHERE job_id = ?", shard.id());
    }
    long cancellationsBefore = bus.endOffsets(Topics.CANCELLATIONS);
    CountDownLatch sent = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<List<JobRequest>> chunk = CompletableFuture.supplyAsync(() -> {
      try {
        return repository.publish(List.of(shards.get(0).id()), wanted -> {
          publisher.publishQueued(wanted);
          sent.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    CompletableFuture<Integer> cancel;
    try {
      assertTrue(sent.await(30, TimeUnit.SECONDS), "the chunk was not sent");
      cancel = CompletableFuture.supplyAsync(
          () -> given().delete("/v1/sweeps/" + id).then().extract().statusCode());
      Awaitility.await("the cancellation waiting for the chunk").atMost(Duration.ofSeconds(30))
          .until(() -> TestDatabase.count(dataSource,
              "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0);
    } finally {
      release.countDown();
    }
    assertEquals(1, chunk.get(30, TimeUnit.SECONDS).size());
    assertEquals(202, cancel.get(30, TimeUnit.SECONDS));

    assertEquals(cancellationsBefore + 1, bus.endOffsets(Topics.CANCELLATIONS),
        "stop requests for exactly the shard sent");
    assertTrue(!bus.await(Topics.CANCELLATIONS, shards.get(0).id(), this::cancelRequested)
        .isEmpty(), "the shard sent in the chunk was not asked to stop");
    for (JobRequest other : shards.subList(1, shards.size())) {
      assertTrue(!bus.await(Topics.EVENTS, other.id(), record -> Messages.read(record.value(),
          JobEvent.class).status() == JobStatus.CANCELLED).isEmpty(),
          "shard " + other.id() + " not recorded cancelled");
    }
    long jobsBefore = bus.endOffsets(Topics.JOBS);
    assertTrue(outbox.publish(shards));
    assertEquals(jobsBefore, bus.endOffsets(Topics.JOBS), "shards of a cancelled sweep published");
  }

  @Test
  void eventsAnnounceEachStoredChannelThenTheTerminalStatusAndEnd() throws Exception {
    String id = submit("\"layers\": [\"mixed0\"], \"channels\": \"3-4\"", 18)
        .extract().path("id");
    String shard = shardJobs(id).get(0);
    List<String[]> received = new ArrayList<>();
    CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> read(id, received));
    await(received, 1);
    frame(shard, 1, true);
    await(received, 2);
    succeed(shard, 1);
    ended.get(20, TimeUnit.SECONDS);

    assertEquals(4, received.size(), "events " + received.stream().map(e -> e[0] + e[1]).toList());
    assertEquals("progress", received.get(0)[0]);
    assertTrue(received.get(0)[1].contains("\"channels_done\":0"), received.get(0)[1]);
    assertTrue(received.get(1)[1].contains("\"channel\":4"), received.get(1)[1]);
    assertTrue(received.get(1)[1].contains("X-Amz-Signature="), received.get(1)[1]);
    assertTrue(received.get(2)[1].contains("\"channel\":3"), received.get(2)[1]);
    assertEquals("status", received.get(3)[0]);
    assertTrue(received.get(3)[1].contains("\"status\":\"succeeded\""), received.get(3)[1]);
  }

  @Test
  void theSweepsAwaitingAJobAreFoundThroughAnIndexAmongManyChannels() throws Exception {
    // A whole model's channels (rolled back after): the planner then reads an index on job_id,
    // as the cancellation's and the outbox's "awaited by a live sweep" lookups need, or it scans.
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (var statement = connection.createStatement()) {
        statement.execute("INSERT INTO sweeps (id, tenant, model, layers, all_layers, settings)"
            + " VALUES ('many', 'nobody', 'mobilenet_v2', '{Conv}', true, '{}')");
        statement.execute("INSERT INTO sweep_channels (sweep_id, position, layer, channel,"
            + " job_id, batch_index, reused) SELECT 'many', n, 'Conv', n, 'job-' || (n / 8),"
            + " n % 8, false FROM generate_series(0, 21129) n");
        statement.execute("ANALYZE sweep_channels");
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT DISTINCT sweep_id"
            + " FROM sweep_channels WHERE job_id = ANY('{job-7,job-2000}'::text[])")) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        assertTrue(plan.toString().contains("sweep_channels_by_job"), plan.toString());
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  @Test
  void openApiDocumentsTheSweepEndpointsAndTheSubmission() {
    RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
        .body("paths", hasKey("/v1/sweeps/{id}/events"))
        .body("paths.'/v1/sweeps'.post.requestBody.content.'application/json'.schema.$ref",
            equalTo("#/components/schemas/SweepSubmission"))
        .body("components.schemas.SweepSubmission.properties", hasKey("channels"))
        .body("components.schemas.SweepView.properties", hasKey("channels_done"));
  }

  /** Reads the sweep's stream until the server ends it: {name, data} per event. */
  private void read(String id, List<String[]> received) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(sweeps + "/" + id + "/events"))
        .header("Accept", "text/event-stream")
        .header("Authorization", TestApi.bearer(TestApi.TENANT_A)).build();
    try {
      HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofLines());
      assertEquals(200, response.statusCode());
      String[] name = new String[1];
      response.body().forEach(line -> {
        if (line.startsWith("event:")) {
          name[0] = line.substring("event:".length()).trim();
        } else if (line.startsWith("data:")) {
          synchronized (received) {
            received.add(new String[] {name[0], line.substring("data:".length()).trim()});
          }
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(List<String[]> received, int events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      synchronized (received) {
        if (received.size() >= events) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("fewer than " + events + " events");
  }

  private ValidatableResponse submit(String fields, long seed) {
    return post(TestApi.TENANT_A, fields, seed).statusCode(202);
  }

  /**
   * Posts a sweep, then waits until the outbox has published every shard it wants to (it does so
   * after the answer), so that what the test counts in Kafka next is its own doing.
   */
  private ValidatableResponse post(String tenant, String fields, long seed) {
    ValidatableResponse response = as(tenant).contentType(ContentType.JSON)
        .body("{\"model\": \"inception_v3\", " + fields + ", \"size\": 64, \"steps\": 8,"
            + " \"seed\": " + seed + "}")
        .post("/v1/sweeps").then();
    Awaitility.await("the outbox publishing the shards").atMost(Duration.ofSeconds(30))
        .until(() -> repository.unpublished().isEmpty());
    return response;
  }

  private List<String> shardJobs(String sweep) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT job_id FROM sweep_shards WHERE sweep_id = ? ORDER BY job_id")) {
      select.setString(1, sweep);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  private int batch(String job) {
    return published(job).batch();
  }

  private JobRequest published(String job) {
    var records = bus.await(Topics.JOBS, job, r -> true);
    assertTrue(!records.isEmpty(), "job " + job + " was not published");
    return Messages.read(records.get(0).value(), JobRequest.class);
  }

  private boolean cancelRequested(org.apache.kafka.clients.consumer.ConsumerRecord<String,
      byte[]> record) {
    return Messages.read(record.value(), JobEvent.class).type() == JobEvent.Type.CANCEL_REQUESTED;
  }

  /** The sink's part: the job's final frames stored, and its SUCCEEDED status. */
  private void succeed(String job, int batch) throws Exception {
    for (int i = 0; i < batch; i++) {
      frame(job, i, true);
    }
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", job);
  }

  private void frame(String job, int batchIndex, boolean isFinal) throws Exception {
    int step = isFinal ? 8 : 4;
    TestDatabase.update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final,"
        + " object_key, width, height, bytes, sha256) VALUES (?, ?, ?, ?, ?, 64, 64, 100, 'ab')",
        job, step, batchIndex, isFinal, "jobs/" + job + "/" + batchIndex + "/" + step + ".png");
  }
}
