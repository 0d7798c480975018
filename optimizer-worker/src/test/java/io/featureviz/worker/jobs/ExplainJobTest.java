package io.featureviz.worker.jobs;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.framesOf;
import static io.featureviz.worker.KafkaTestClient.headers;
import static io.featureviz.worker.KafkaTestClient.sendJob;
import static io.featureviz.worker.KafkaTestClient.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.explain.ExplainFrames;
import io.featureviz.contracts.explain.ExplainLimits;
import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.explain.Explanation;
import io.featureviz.contracts.explain.Explanation.ChannelAttribution;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.objectstore.MinioClients;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.config.StorageConfig;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Explain jobs read their image from the bucket; interpolations render one frame per step of t. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class ExplainJobTest {

  private static final String LAYER = "expanded_conv_12/add";
  private static final int STEPS = 4;
  private static final Path PHOTOS =
      Path.of(System.getProperty("fv.models.dir")).resolveSibling("images");

  @Inject
  StorageConfig storage;

  @Inject
  ModelCatalog catalog;

  @Test
  void explainsTheImageWithHeatmapGroupMapsAndGroupVisualizationsAtTheirBatchIndices()
      throws Exception {
    String id = "job-" + UUID.randomUUID();
    String key = put(id, Files.readAllBytes(PHOTOS.resolve("owl.jpg")));
    Finished job = run(explain(id, "owl.jpg", key, 2), 7);

    assertEquals(STEPS, job.end().step());
    Explanation explanation = job.end().explanation();
    assertNotNull(explanation, "the SUCCEEDED event carries the explanation");
    assertEquals("owl.jpg", explanation.image());
    assertEquals(LAYER, explanation.layer());
    assertNotNull(explanation.explained().label());
    assertEquals(catalog.load("mobilenet_v2").info().catalogView().layer(LAYER).orElseThrow().channels(),
        explanation.channels().size());
    assertEquals(explanation.channels().stream()
            .sorted(Comparator.comparingDouble(ChannelAttribution::attribution).reversed()).toList(),
        explanation.channels(), "channels highest attribution first");
    assertEquals(2, explanation.groups().size());

    // maps: final at step 0; visualizations: the thresholds, as a render's
    List<String> expected = List.of(
        frame(ExplainFrames.HEATMAP, 0, true), frame(ExplainFrames.groupMap(0), 0, true),
        frame(ExplainFrames.groupMap(1), 0, true),
        frame(ExplainFrames.groupVisualization(0, 2), 2, false),
        frame(ExplainFrames.groupVisualization(1, 2), 2, false),
        frame(ExplainFrames.groupVisualization(0, 2), STEPS, true),
        frame(ExplainFrames.groupVisualization(1, 2), STEPS, true));
    assertEquals(expected.stream().sorted().toList(),
        job.frames().stream().map(f -> frame(f.batchIndex(), f.step(), f.isFinal())).sorted()
            .toList());
  }

  @Test
  void anImageMissingFromTheBucketOrNotAnImageFailsTheJobNamingIt() throws Exception {
    String missing = "job-" + UUID.randomUUID();
    JobEvent gone = run(explain(missing, "gone.jpg", "uploads/" + TestJobs.TENANT
        + "/explain/" + missing + ".jpg", 2), 0).end();
    assertEquals(JobStatus.FAILED, gone.status());
    assertTrue(gone.reason().contains("gone.jpg"), gone.reason());
    assertNull(gone.explanation());

    String garbage = "job-" + UUID.randomUUID();
    String key = put(garbage, "not an image".getBytes());
    JobEvent unreadable = run(explain(garbage, "notes.jpg", key, 2), 0).end();
    assertEquals(JobStatus.FAILED, unreadable.status());
    assertTrue(unreadable.reason().contains("notes.jpg"), unreadable.reason());
  }

  @Test
  void anInterpolationRendersOneFinalFramePerStepBetweenItsObjectives() {
    String id = "job-" + UUID.randomUUID();
    InterpolationSpec interpolation = new InterpolationSpec("expanded_conv_9/project:11",
        "expanded_conv_9/project:3", 3);
    JobRequest render = TestJobs.job(id, interpolation.objective().toGrammar(), STEPS,
        List.of(2), interpolation.frames());
    JobRequest job = new JobRequest(render.v(), id, render.tenant(), render.model(),
        render.objective(), render.size(), render.steps(), render.thresholds(), render.batch(),
        render.seed(), render.lr(), render.param(), render.decorrelate(), render.transforms(),
        render.submittedAt(), JobKind.RENDER, null, null, interpolation);

    Finished finished = run(job, 6);

    assertEquals(List.of(0, 1, 2), finished.frames().stream().filter(FrameHeaders::isFinal)
        .map(FrameHeaders::batchIndex).sorted().toList());
  }

  private static JobRequest explain(String id, String image, String key, int groups) {
    return TestJobs.explain(id, new ExplainSpec(image, key, null, LAYER, null, ExplainMethod.GRAD,
        ExplainLimits.DEFAULT_IG_STEPS, groups), STEPS, List.of(2));
  }

  private static String frame(int batchIndex, int step, boolean isFinal) {
    return batchIndex + "@" + step + (isFinal ? " final" : "");
  }

  private record Finished(JobEvent end, List<FrameHeaders> frames) {}

  /**
   * Runs the job to its end, which must be SUCCEEDED when frames are expected; collects its
   * frames once {@code frameCount} have arrived.
   */
  private static Finished run(JobRequest job, int frameCount) {
    String id = job.id();
    try (Tail events = new Tail(Topics.EVENTS); Tail frameTail = new Tail(Topics.FRAMES)) {
      sendJob(id, Messages.write(job));
      JobEvent end = terminal(
          events.await(r -> finished(r, id), JOB_TIMEOUT, "job " + id + " to finish"), id);
      if (frameCount > 0) {
        assertEquals(JobStatus.SUCCEEDED, end.status(), end.reason());
      }
      // frames are acknowledged by the broker before the terminal status is sent
      List<ConsumerRecord<String, byte[]>> records = frameCount == 0
          ? framesOf(frameTail.records(Duration.ofSeconds(1)), id)
          : framesOf(frameTail.await(r -> framesOf(r, id).size() >= frameCount,
              Duration.ofSeconds(10), frameCount + " frames"), id);
      List<FrameHeaders> frames = records.stream()
          .map(r -> FrameHeaders.fromHeaders(headers(r))).toList();
      assertEquals(frameCount, frames.size(), "frames of " + id);
      return new Finished(end, frames);
    }
  }

  /** Stores an explain job's image where job-api stores an upload. */
  private String put(String jobId, byte[] bytes) throws Exception {
    String key = "uploads/" + TestJobs.TENANT + "/explain/" + jobId + ".jpg";
    try (MinioClient client = MinioClients.create(storage.endpoint(), storage.accessKey(),
        storage.secretKey(), storage.region())) {
      client.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key)
          .stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L).build());
    }
    return key;
  }
}
