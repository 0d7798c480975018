package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.DatasetKeys;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Job requests from {@code fv.jobs}: recorded as queued jobs, with what their frames will need. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class JobRequestConsumerTest {

  @Inject
  SinkTestSupport bus;

  @Test
  void jobSubmittedWithPlainProducerIsRecorded() throws Exception {
    String job = UUID.randomUUID().toString();
    JobRequest request = new JobRequest(Messages.VERSION, job, "t2", "inception_v3",
        "mixed4 : 97", 128, 64, List.of(), 1, 3L, 0.05, "fft", true, "standard",
        System.currentTimeMillis());
    bus.send(Topics.JOBS, job, Messages.write(request));

    Map<String, Object> row = bus.awaitRow("SELECT * FROM jobs WHERE id = ?", job);
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
        new DatasetExamplesSpec("photos", DatasetKeys.publicPrefix("photos"), 2), null, null);
    bus.send(Topics.JOBS, job, Messages.write(request));
    Map<String, Object> jobRow = bus.awaitRow("SELECT * FROM jobs WHERE id = ?", job);
    assertEquals("dataset_examples", jobRow.get("kind"));
    assertEquals("photos", jobRow.get("dataset"));
    assertEquals("public-datasets/photos/", jobRow.get("dataset_prefix"));
    assertEquals(2, jobRow.get("top_k"));

    byte[] png = SinkTestSupport.png(32, 32, 5);
    bus.sendFrame(new FrameHeaders(job, "t2", 11, 0, true, 9.5, 32, 32,
        new FrameHeaders.ExampleSource("owl.jpg", "public-datasets/photos/owl.jpg", 640, 480,
            100, 20, 300, 300)), png);
    Map<String, Object> row = bus.awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    assertEquals("owl.jpg", row.get("source_image"));
    assertEquals("public-datasets/photos/owl.jpg", row.get("source_key"));
    assertEquals(640, row.get("source_width"));
    assertEquals(480, row.get("source_height"));
    assertArrayEquals(new Integer[] {100, 20, 300, 300},
        (Integer[]) ((Array) row.get("crop")).getArray());
    assertArrayEquals(png, bus.download("jobs/" + job + "/0/11.png"));
  }
}
