package io.featureviz.worker.jobs;

import static io.featureviz.worker.KafkaTestClient.JOB_TIMEOUT;
import static io.featureviz.worker.KafkaTestClient.events;
import static io.featureviz.worker.KafkaTestClient.finished;
import static io.featureviz.worker.KafkaTestClient.framesOf;
import static io.featureviz.worker.KafkaTestClient.headers;
import static io.featureviz.worker.KafkaTestClient.sendJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.DatasetKeys;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.FrameHeaders.ExampleSource;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.devstack.DevStackTestResource;
import io.featureviz.objectstore.MinioClients;
import io.featureviz.optvis.examples.DatasetExample;
import io.featureviz.optvis.examples.DatasetExampleSearch;
import io.featureviz.optvis.examples.ExampleSearchListener;
import io.featureviz.optvis.image.ImageSource;
import io.featureviz.optvis.model.ModelCatalog;
import io.featureviz.worker.KafkaTestClient.Tail;
import io.featureviz.worker.TestJobs;
import io.featureviz.worker.config.StorageConfig;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Dataset-examples jobs: the images come from the bucket, the crops go out as frames. */
@QuarkusTest
@WithTestResource(DevStackTestResource.class)
class DatasetExamplesJobTest {

  private static final String MODEL = "mobilenet_v2";
  private static final String OBJECTIVE = "expanded_conv_9/project:11";
  private static final Path PHOTOS =
      Path.of(System.getProperty("fv.models.dir")).resolveSibling("images");

  @Inject
  StorageConfig storage;

  @Inject
  ModelCatalog catalog;

  @Test
  void sendsTheTopCropsRankedAsTheEngineRanksThemWithSourceImageAndBox() throws Exception {
    List<String> photos = List.of("owl.jpg", "parrot.jpg", "cat.bmp", "kite_and_cold.jpg");
    Map<String, byte[]> images = new LinkedHashMap<>();
    for (String photo : photos) {
      images.put(photo, Files.readAllBytes(PHOTOS.resolve(photo)));
    }
    String prefix = upload(images);
    String id = "job-" + UUID.randomUUID();

    List<FrameHeaders> frames = new ArrayList<>();
    List<JobEvent> jobEvents = run(id, prefix, images.size(), 3, OBJECTIVE, frames, 3);

    assertEquals(List.of(JobStatus.RUNNING, JobStatus.SUCCEEDED), jobEvents.stream()
        .filter(e -> e.type() == JobEvent.Type.STATUS).map(JobEvent::status).toList());
    assertEquals(images.size(), terminalOf(jobEvents).step());

    List<ImageSource> named = photos.stream()
        .map(photo -> ImageSource.of(photo, () -> images.get(photo))).toList();
    List<DatasetExample> expected;
    try (DatasetExampleSearch search = new DatasetExampleSearch(catalog.load(MODEL),
        ObjectiveSpec.parse(OBJECTIVE), DatasetExamplesJob.CROP_SIZE)) {
      expected = search.search(named, 3, ExampleSearchListener.NONE).examples();
    }
    assertEquals(3, frames.size());
    for (int rank = 0; rank < 3; rank++) {
      FrameHeaders frame = frames.get(rank);
      DatasetExample want = expected.get(rank);
      ExampleSource source = frame.example();
      assertNotNull(source, "example frame carries its source");
      assertEquals(rank, frame.batchIndex());
      assertEquals(images.size(), frame.step());
      assertTrue(frame.isFinal());
      assertEquals(want.scored().name(), source.image(), "rank " + rank);
      assertEquals(prefix + source.image(), source.objectKey());
      assertEquals(want.scored().maxActivation(), frame.objectiveValue(), 1e-4);
      BufferedImage original = ImageIO.read(new ByteArrayInputStream(images.get(source.image())));
      assertEquals(original.getWidth(), source.imageWidth());
      assertEquals(original.getHeight(), source.imageHeight());
      assertEquals(want.box().x(), source.cropX());
      assertEquals(want.box().y(), source.cropY());
      assertEquals(want.box().width(), source.cropWidth());
      assertEquals(want.box().height(), source.cropHeight());
      assertTrue(source.cropX() >= 0 && source.cropY() >= 0
          && source.cropX() + source.cropWidth() <= source.imageWidth()
          && source.cropY() + source.cropHeight() <= source.imageHeight(), source.toString());
    }
  }

  @Test
  void aDamagedImageIsSkippedAndTheOthersRanked() throws Exception {
    Map<String, byte[]> images = new LinkedHashMap<>();
    images.put("broken.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3});
    images.put("owl.jpg", Files.readAllBytes(PHOTOS.resolve("owl.jpg")));
    String prefix = upload(images);
    String id = "job-" + UUID.randomUUID();

    List<FrameHeaders> frames = new ArrayList<>();
    JobEvent end = terminalOf(run(id, prefix, 2, 5, OBJECTIVE, frames, 1));

    assertEquals(JobStatus.SUCCEEDED, end.status(), end.reason());
    assertEquals(List.of("owl.jpg"),
        frames.stream().map(f -> f.example().image()).toList());
  }

  @Test
  void anEmptyDatasetOrAnObjectiveThatIsNotOneChannelFailsWithTheReason() throws Exception {
    String empty = DatasetKeys.tenantPrefix(TestJobs.TENANT, "empty-" + shortId());
    JobEvent none = terminalOf(run("job-" + UUID.randomUUID(), empty, 3, 2, OBJECTIVE,
        new ArrayList<>(), 0));
    assertEquals(JobStatus.FAILED, none.status());
    assertTrue(none.reason().contains("has no images"), none.reason());

    String prefix = upload(Map.of("owl.jpg", Files.readAllBytes(PHOTOS.resolve("owl.jpg"))));
    JobEvent layer = terminalOf(run("job-" + UUID.randomUUID(), prefix, 1, 1,
        OBJECTIVE + " + expanded_conv_9/project:3", new ArrayList<>(), 0));
    assertEquals(JobStatus.FAILED, layer.status());
    assertTrue(layer.reason().startsWith("invalid dataset_examples job"), layer.reason());
  }

  /** Runs the job; collects its frames, in rank order, once {@code frameCount} have arrived. */
  private static List<JobEvent> run(String id, String prefix, int images, int topK,
      String objective, List<FrameHeaders> frames, int frameCount) {
    JobRequest job = new JobRequest(Messages.VERSION, id, TestJobs.TENANT, MODEL, objective,
        224, images, List.of(images), 1, 0, RenderDefaults.LEARNING_RATE, RenderDefaults.PARAM,
        true, "none", System.currentTimeMillis(), JobKind.DATASET_EXAMPLES,
        new DatasetExamplesSpec("test", prefix, topK), null, null);
    try (Tail events = new Tail(Topics.EVENTS); Tail frameTail = new Tail(Topics.FRAMES)) {
      sendJob(id, Messages.write(job));
      List<JobEvent> seen = events(
          events.await(r -> finished(r, id), JOB_TIMEOUT, "job " + id + " to finish"), id);
      // frames are acknowledged by the broker before the terminal status is sent
      List<ConsumerRecord<String, byte[]>> records = frameCount == 0
          ? framesOf(frameTail.records(Duration.ofSeconds(1)), id)
          : framesOf(frameTail.await(r -> framesOf(r, id).size() >= frameCount,
              Duration.ofSeconds(10), frameCount + " frames"), id);
      records.stream().map(r -> FrameHeaders.fromHeaders(headers(r)))
          .sorted((a, b) -> Integer.compare(a.batchIndex(), b.batchIndex()))
          .forEach(frames::add);
      assertEquals(frameCount, frames.size(), "frames of " + id);
      return seen;
    }
  }

  private static JobEvent terminalOf(List<JobEvent> events) {
    return events.stream().filter(e -> e.status() != null && e.status().isTerminal())
        .findFirst().orElseThrow();
  }

  /** Stores the images as job-api stores an upload; returns the dataset's prefix. */
  private String upload(Map<String, byte[]> images) throws Exception {
    String prefix = DatasetKeys.tenantPrefix(TestJobs.TENANT, "ds-" + shortId());
    try (MinioClient client = MinioClients.create(storage.endpoint(), storage.accessKey(),
        storage.secretKey(), storage.region())) {
      for (Map.Entry<String, byte[]> image : images.entrySet()) {
        client.putObject(PutObjectArgs.builder().bucket(storage.bucket())
            .object(prefix + image.getKey())
            .stream(new ByteArrayInputStream(image.getValue()), (long) image.getValue().length, -1L)
            .build());
      }
    }
    return prefix;
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
