package io.featureviz.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.featureviz.api.testing.TestApi;
import io.featureviz.api.testing.TestBus;
import io.featureviz.api.testing.TestDatabase;
import io.featureviz.api.testing.TestJobs;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobEventStreamTest {

  @Inject
  AgroalDataSource dataSource;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @TestHTTPResource("/v1/jobs")
  URL jobs;

  /** One server-sent event: its name and its data line. */
  record Event(String name, String data) {}

  @Test
  void streamCarriesStatusProgressAndFramesAndEndsAfterTheTerminalStatus() throws Exception {
    String id = TestJobs.submit("mixed4:3", 20);
    List<Event> received = new ArrayList<>();
    CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> read(id, received));

    try (TestBus bus = new TestBus(bootstrapServers)) {
      awaitEvent(received, "status");
      // Worker's part: RUNNING and progress live on fv.events ...
      bus.sendEvent(JobEvent.status(id, JobStatus.RUNNING, null, "w1", 0, 20));
      awaitEvent(received, "progress", () -> bus.sendEvent(
          JobEvent.progress(id, 10, 20, 4.5, "w1")));
      // ... the sink's part: the final frame stored, then the job succeeded.
      TestDatabase.update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final,"
          + " objective_value, object_key, width, height, bytes, sha256) VALUES (?, 20, 0, true,"
          + " 5.0, ?, 64, 64, 100, 'ab')", id, "jobs/" + id + "/0/20.png");
      bus.sendEvent(JobEvent.status(id, JobStatus.SUCCEEDED, null, "w1", 20, 20));
      TestDatabase.update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", id);
    }
    ended.get(30, TimeUnit.SECONDS);

    List<String> statuses = received.stream().filter(e -> e.name().equals("status"))
        .map(Event::data).toList();
    assertEquals(3, statuses.size(), "status events: " + statuses);
    assertTrue(statuses.get(0).contains("\"QUEUED\""));
    assertTrue(statuses.get(1).contains("\"RUNNING\""));
    assertTrue(statuses.get(2).contains("\"SUCCEEDED\""));
    Event progress = received.stream().filter(e -> e.name().equals("progress")).findFirst()
        .orElseThrow();
    assertTrue(progress.data().contains("\"objective_value\":4.5"), progress.data());
    Event frame = received.stream().filter(e -> e.name().equals("frame")).findFirst()
        .orElseThrow();
    assertTrue(frame.data().contains("X-Amz-Signature="), frame.data());
    assertTrue(frame.data().contains("\"final\":true"), frame.data());
  }

  @Test
  void streamOfADatasetSearchEndsOnceEveryCropIsStored() throws Exception {
    String id = TestApi.given().contentType("application/json")
        .body("{\"kind\": \"dataset_examples\", \"model\": \"inception_v3\","
            + " \"objective\": \"mixed4:4\", \"top_k\": 2}")
        .post("/v1/jobs").then().statusCode(202).extract().<String>path("id");
    List<Event> received = new ArrayList<>();
    CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> read(id, received));
    awaitEvent(received, "status");

    // the sink's part: the best crop stored, the job succeeded, the second crop still coming
    insertCrop(id, 0);
    TestDatabase.update(dataSource, "UPDATE jobs SET status = 'SUCCEEDED' WHERE id = ?", id);
    Thread.sleep(2_000);
    assertFalse(ended.isDone(), "the stream ended before the second crop was stored");
    insertCrop(id, 1);
    // well before fv.events.final-frame-grace (10 s): the stream ends because both are stored
    ended.get(5, TimeUnit.SECONDS);

    List<String> frames = received.stream().filter(e -> e.name().equals("frame"))
        .map(Event::data).toList();
    assertEquals(2, frames.size(), "frame events: " + frames);
    assertTrue(frames.stream().allMatch(f -> f.contains("\"example\":{\"image\":\"owl.jpg\"")),
        frames.toString());
  }

  private void insertCrop(String id, int rank) throws Exception {
    TestDatabase.update(dataSource, "INSERT INTO frames (job_id, step, batch_index, is_final,"
        + " objective_value, object_key, width, height, bytes, sha256, source_image, source_key,"
        + " source_width, source_height, crop) VALUES (?, 11, ?, true, 3.0, ?, 96, 96, 100, 'ab',"
        + " 'owl.jpg', 'public-datasets/photos/owl.jpg', 512, 384, '{0, 0, 96, 96}')", id, rank,
        "jobs/" + id + "/" + rank + "/11.png");
  }

  /** Reads the stream until the server ends it. */
  private void read(String id, List<Event> received) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(jobs + "/" + id + "/events"))
        .header("Accept", "text/event-stream")
        .header("Authorization", TestApi.bearer(TestApi.TENANT_A)).build();
    try {
      HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, response.statusCode());
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String name = null;
        for (String line; (line = lines.readLine()) != null; ) {
          if (line.startsWith("event:")) {
            name = line.substring("event:".length()).trim();
          } else if (line.startsWith("data:") && name != null) {
            synchronized (received) {
              received.add(new Event(name, line.substring("data:".length()).trim()));
            }
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitEvent(List<Event> received, String name) throws Exception {
    awaitEvent(received, name, () -> {});
  }

  /**
   * Waits for an event, repeating {@code send}: the API's broadcast consumer starts from the
   * newest offset, so an event published before it has joined its partitions is not seen.
   */
  private static void awaitEvent(List<Event> received, String name, Action send)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      send.run();
      synchronized (received) {
        if (received.stream().anyMatch(e -> e.name().equals(name))) {
          return;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no '" + name + "' event; got " + received);
  }

  interface Action {
    void run() throws Exception;
  }
}
