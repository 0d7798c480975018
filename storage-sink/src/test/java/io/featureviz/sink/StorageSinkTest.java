package io.featureviz.sink;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.DatasetKeys;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobEvent;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.JobStatus;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Array;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class StorageSinkTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Inject
  AgroalDataSource dataSource;

  @Inject
  SinkConfig config;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  private SinkTestSupport bus;
  private MinioClient s3;

  @BeforeEach
  void connect() {
    bus = new SinkTestSupport(bootstrapServers, dataSource);
    s3 = MinioClient.builder().endpoint(config.storage().endpoint())
        .credentials(config.storage().accessKey(), config.storage().secretKey())
        .region(config.storage().region()).build();
  }

  @AfterEach
  void disconnect() throws Exception {
    bus.close();
    s3.close();
  }

  @Test
  void frameIsStoredAsPngWithMetadataAndRow() throws Exception {
    String job = UUID.randomUUID().toString();
    byte[] png = SinkTestSupport.png(40, 30, 1);
    FrameHeaders frame = new FrameHeaders(job, "t1", 128, 1, false, 2.5, 40, 30);
    bus.sendFrame(frame, png);

    Map<String, Object> row = awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    assertEquals("jobs/" + job + "/1/128.png", row.get("object_key"));
    assertEquals(128, row.get("step"));
    assertEquals(1, row.get("batch_index"));
    assertEquals(false, row.get("is_final"));
    assertEquals(2.5, row.get("objective_value"));
    assertEquals(40, row.get("width"));
    assertEquals(30, row.get("height"));
    assertEquals((long) png.length, row.get("bytes"));
    assertEquals(sha256(png), row.get("sha256"));

    StatObjectResponse stat = stat(frame.objectKey());
    assertEquals("image/png", stat.contentType());
    assertEquals(job, stat.userMetadata().getFirst("job"));
    assertEquals("128", stat.userMetadata().getFirst("step"));
    assertEquals("1", stat.userMetadata().getFirst("batch-index"));
    assertEquals("2.5", stat.userMetadata().getFirst("objective-value"));
    byte[] stored = download(frame.objectKey());
    assertArrayEquals(png, stored);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
    assertEquals(40, image.getWidth());
    assertEquals(30, image.getHeight());

    assertEquals("{\"128\": 2.5}",
        bus.rows("SELECT objective_values::text AS v FROM jobs WHERE id = ?", job).get(0).get("v"));
  }

  @Test
  void redeliveredFrameChangesNothing() throws Exception {
    String job = UUID.randomUUID().toString();
    byte[] png = SinkTestSupport.png(16, 16, 2);
    FrameHeaders frame = new FrameHeaders(job, "t1", 5, 0, false, 1.0, 16, 16);
    bus.sendFrame(frame, png);
    Map<String, Object> first = awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    String etag = stat(frame.objectKey()).etag();

    bus.sendFrame(frame, png);
    // Same key, same partition: once the next frame is stored, the redelivery was processed.
    FrameHeaders next = new FrameHeaders(job, "t1", 10, 0, true, 2.0, 16, 16);
    bus.sendFrame(next, SinkTestSupport.png(16, 16, 3));
    awaitRow("SELECT * FROM frames WHERE job_id = ? AND step = 10", job);

    List<Map<String, Object>> rows =
        bus.rows("SELECT * FROM frames WHERE job_id = ? AND step = 5", job);
    assertEquals(1, rows.size());
    assertEquals(first, rows.get(0));
    assertEquals(etag, stat(frame.objectKey()).etag());
    assertEquals(sha256(png), sha256(download(frame.objectKey())));
  }

  @Test
  void malformedFrameIsSkippedAndLaterFramesStored() throws Exception {
    String job = UUID.randomUUID().toString();
    bus.sendFrame(new FrameHeaders(job, "t1", 1, 0, false, 0.0, 16, 16), "not a png".getBytes());
    byte[] png = SinkTestSupport.png(16, 16, 4);
    bus.sendFrame(new FrameHeaders(job, "t1", 2, 0, false, 0.0, 16, 16), png);

    awaitRow("SELECT * FROM frames WHERE job_id = ? AND step = 2", job);
    assertEquals(List.of(), bus.rows("SELECT * FROM frames WHERE job_id = ? AND step = 1", job));
  }

  @Test
  void statusOnlyMovesForwardAndHistoryIsRecordedOnce() throws Exception {
    String job = UUID.randomUUID().toString();
    bus.sendEvent(job, JobEvent.status(job, JobStatus.QUEUED, null, null, 0, 64));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.RUNNING, null, "w1", 0, 64));
    bus.sendEvent(job, JobEvent.progress(job, 32, 64, 7.5, "w1"));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.SUCCEEDED, null, "w1", 64, 64));
    // Late and redelivered events: none may move the job back.
    bus.sendEvent(job, JobEvent.status(job, JobStatus.RUNNING, null, "w2", 0, 64));
    bus.sendEvent(job, JobEvent.progress(job, 40, 64, 1.0, "w2"));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.FAILED, "late failure", "w2", 0, 64));
    bus.sendEvent(job, JobEvent.status(job, JobStatus.SUCCEEDED, null, "w1", 64, 64));
    String marker = UUID.randomUUID().toString();
    bus.sendEvent(job, JobEvent.status(marker, JobStatus.QUEUED, null, null, 0, 1));
    awaitRow("SELECT * FROM jobs WHERE id = ?", marker);

    Map<String, Object> row = bus.rows("SELECT * FROM jobs WHERE id = ?", job).get(0);
    assertEquals("SUCCEEDED", row.get("status"));
    assertEquals(64, row.get("progress_step"));
    assertEquals(7.5, row.get("last_objective_value"));
    assertEquals(null, row.get("reason"));
    List<Object> history = bus.rows(
        "SELECT status FROM job_status_history WHERE job_id = ? ORDER BY event_at, status", job)
        .stream().map(r -> r.get("status")).toList();
    assertEquals(List.of("QUEUED", "RUNNING", "SUCCEEDED"), history);
  }

  @Test
  void jobSubmittedWithPlainProducerIsRecorded() throws Exception {
    String job = UUID.randomUUID().toString();
    JobRequest request = new JobRequest(Messages.VERSION, job, "t2", "inception_v3",
        "mixed4 : 97", 128, 64, List.of(), 1, 3L, 0.05, "fft", true, "standard",
        System.currentTimeMillis());
    bus.send(Topics.JOBS, job, Messages.write(request));

    Map<String, Object> row = awaitRow("SELECT * FROM jobs WHERE id = ?", job);
    assertEquals("inception_v3", row.get("model"));
    assertEquals("mixed4:97", row.get("objective"));
    assertEquals("mixed4", row.get("layer"));
    assertEquals(97, row.get("channel"));
    assertEquals("QUEUED", row.get("status"));
    assertArrayEquals(new Integer[] {16, 32, 64},
        (Integer[]) ((Array) row.get("thresholds")).getArray());
  }

  @Test
  void datasetExamplesJobAndItsExampleFramesKeepDatasetSourceAndCrop() throws Exception {
    String job = UUID.randomUUID().toString();
    JobRequest request = new JobRequest(Messages.VERSION, job, "t2", "mobilenet_v2",
        "expanded_conv_9/project:11", 224, 11, List.of(11), 1, 0L, 0.05, "fft", true, "none",
        System.currentTimeMillis(), JobKind.DATASET_EXAMPLES,
        new DatasetExamplesSpec("photos", DatasetKeys.publicPrefix("photos"), 2));
    bus.send(Topics.JOBS, job, Messages.write(request));
    Map<String, Object> jobRow = awaitRow("SELECT * FROM jobs WHERE id = ?", job);
    assertEquals("dataset_examples", jobRow.get("kind"));
    assertEquals("photos", jobRow.get("dataset"));
    assertEquals("public-datasets/photos/", jobRow.get("dataset_prefix"));
    assertEquals(2, jobRow.get("top_k"));

    byte[] png = SinkTestSupport.png(32, 32, 5);
    bus.sendFrame(new FrameHeaders(job, "t2", 11, 0, true, 9.5, 32, 32,
        new FrameHeaders.ExampleSource("owl.jpg", "public-datasets/photos/owl.jpg", 640, 480,
            100, 20, 300, 300)), png);
    Map<String, Object> row = awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    assertEquals("owl.jpg", row.get("source_image"));
    assertEquals("public-datasets/photos/owl.jpg", row.get("source_key"));
    assertEquals(640, row.get("source_width"));
    assertEquals(480, row.get("source_height"));
    assertArrayEquals(new Integer[] {100, 20, 300, 300},
        (Integer[]) ((Array) row.get("crop")).getArray());
    assertArrayEquals(png, download("jobs/" + job + "/0/11.png"));
  }

  @Test
  void renderFramesHaveNoExampleColumns() throws Exception {
    String job = UUID.randomUUID().toString();
    bus.sendFrame(new FrameHeaders(job, "t1", 3, 0, true, 1.0, 16, 16),
        SinkTestSupport.png(16, 16, 6));
    Map<String, Object> row = awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    assertNull(row.get("source_image"));
    assertNull(row.get("crop"));
    assertEquals("render",
        bus.rows("SELECT kind FROM jobs WHERE id = ?", job).get(0).get("kind"));
  }

  private Map<String, Object> awaitRow(String sql, Object... args) {
    return await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
        .until(() -> bus.rows(sql, args), rows -> !rows.isEmpty()).get(0);
  }

  private StatObjectResponse stat(String key) throws Exception {
    return s3.statObject(StatObjectArgs.builder().bucket(config.storage().bucket()).object(key)
        .build());
  }

  private byte[] download(String key) throws Exception {
    try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(config.storage().bucket())
        .object(key).build())) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
