package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.featureviz.contracts.explain.ExplainMethod;
import io.featureviz.contracts.messages.DatasetExamplesSpec;
import io.featureviz.contracts.messages.DatasetKeys;
import io.featureviz.contracts.messages.ExplainSpec;
import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.JobKind;
import io.featureviz.contracts.messages.JobRequest;
import io.featureviz.contracts.messages.Messages;
import io.featureviz.contracts.messages.Topics;
import io.featureviz.contracts.render.InterpolationSpec;
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

  @Test
  void explainAndInterpolationRequestsAreKeptWhole() throws Exception {
    String explain = UUID.randomUUID().toString();
    ExplainSpec spec = new ExplainSpec("owl.jpg", "public-datasets/photos/owl.jpg", "photos",
        "expanded_conv_12/add", 24, ExplainMethod.IG, 16, 3);
    bus.send(Topics.JOBS, explain, Messages.write(new JobRequest(Messages.VERSION, explain,
        "t2", "mobilenet_v2", "layer:expanded_conv_12/add", 128, 256, List.of(), 7, 0L, 0.05,
        "fft", true, "standard", System.currentTimeMillis(), JobKind.EXPLAIN, null, spec,
        null)));
    String interpolation = UUID.randomUUID().toString();
    InterpolationSpec strip = new InterpolationSpec("mixed4:97", "mixed4:143", 4);
    bus.send(Topics.JOBS, interpolation, Messages.write(new JobRequest(Messages.VERSION,
        interpolation, "t2", "inception_v3", strip.objective().toGrammar(), 128, 64, List.of(),
        4, 0L, 0.05, "fft", true, "standard", System.currentTimeMillis(), JobKind.RENDER, null,
        null, strip)));

    Map<String, Object> explainRow = bus.awaitRow("SELECT kind, layer, explain::text AS spec,"
        + " interpolate FROM jobs WHERE id = ?", explain);
    assertEquals("explain", explainRow.get("kind"));
    assertEquals("expanded_conv_12/add", explainRow.get("layer"));
    assertEquals(spec, Messages.mapper().readValue((String) explainRow.get("spec"),
        ExplainSpec.class));
    assertNull(explainRow.get("interpolate"));
    Map<String, Object> stripRow = bus.awaitRow("SELECT batch, interpolate::text AS strip,"
        + " explain FROM jobs WHERE id = ?", interpolation);
    assertEquals(4, stripRow.get("batch"));
    assertEquals(strip, Messages.mapper().readValue((String) stripRow.get("strip"),
        InterpolationSpec.class));
    assertNull(stripRow.get("explain"));
  }
}
