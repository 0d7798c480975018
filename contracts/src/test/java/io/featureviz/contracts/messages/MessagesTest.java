package io.featureviz.contracts.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static JobRequest request() {
    return new JobRequest(1, "job-1", "tenant-a", "inception_v3", "mixed4:97", 128, 256,
        List.of(64, 256), 1, 7, 0.05, "fft", true, "standard", 1_700_000_000_000L);
  }

  @Test
  void jobRequestRoundTripsThroughSnakeCaseJson() {
    byte[] json = Messages.write(request());
    String text = new String(json, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"submitted_at\":1700000000000"), text);
    assertEquals(request(), Messages.read(json, JobRequest.class));
  }

  @Test
  void refusesNonJsonUnknownVersionAndMissingVersion() {
    MessageFormatException notJson = assertThrows(MessageFormatException.class,
        () -> Messages.read("{oops".getBytes(StandardCharsets.UTF_8), JobRequest.class));
    assertTrue(notJson.getMessage().startsWith("not JSON"), notJson.getMessage());
    MessageFormatException future = assertThrows(MessageFormatException.class,
        () -> Messages.read("{\"v\":2,\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            JobRequest.class));
    assertTrue(future.getMessage().contains("unknown schema version 2"), future.getMessage());
    assertThrows(MessageFormatException.class,
        () -> Messages.read("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8), JobRequest.class));
  }

  @Test
  void defaultThresholdsAreQuarterHalfAndEnd() {
    JobRequest none = new JobRequest(1, "j", "t", "m", "o", 0, 512, List.of(), 1, 0, 0.05, "fft",
        true, "standard", 0);
    assertEquals(List.of(128, 256, 512), none.effectiveThresholds());
  }

  @Test
  void frameHeadersRoundTripAndGiveDeterministicKeys() {
    FrameHeaders frame = new FrameHeaders("job-1", "tenant-a", 64, 2, false, 1.5, 128, 128);
    Map<String, byte[]> headers = frame.toHeaders();
    assertEquals(frame, FrameHeaders.fromHeaders(headers));
    assertEquals("jobs/job-1/2/64.png", frame.objectKey());
    assertArrayEquals("image/png".getBytes(StandardCharsets.UTF_8),
        headers.get(FrameHeaders.CONTENT_TYPE));
    headers.remove(FrameHeaders.STEP);
    assertThrows(MessageFormatException.class, () -> FrameHeaders.fromHeaders(headers));
  }

  @Test
  void datasetExamplesRequestRoundTripsAndOlderRequestsAreRenders() {
    JobRequest examples = new JobRequest(1, "job-2", "tenant-a", "inception_v3", "mixed4:97", 0,
        11, List.of(11), 1, 0, 0.05, "fft", true, "standard", 1L, JobKind.DATASET_EXAMPLES,
        new DatasetExamplesSpec("photos", DatasetKeys.publicPrefix("photos"), 4), null, null);
    String text = new String(Messages.write(examples), StandardCharsets.UTF_8);
    assertTrue(text.contains("\"kind\":\"dataset_examples\""), text);
    assertTrue(text.contains("\"top_k\":4"), text);
    assertTrue(text.contains("\"prefix\":\"public-datasets/photos/\""), text);
    assertEquals(examples, Messages.read(Messages.write(examples), JobRequest.class));

    String older = text.replace("\"kind\":\"dataset_examples\",", "")
        .replaceAll(",\"examples\":\\{[^}]*\\}", "");
    JobRequest read = Messages.read(older.getBytes(StandardCharsets.UTF_8), JobRequest.class);
    assertEquals(JobKind.RENDER, read.kind());
    assertEquals(null, read.examples());
  }

  @Test
  void datasetKeysKeepTenantsOutOfPublicDatasetsAndRefuseUnsafeIds() {
    assertEquals("datasets/acme/birds/", DatasetKeys.tenantPrefix("acme", "birds"));
    assertEquals("public-datasets/photos/", DatasetKeys.publicPrefix("photos"));
    assertThrows(IllegalArgumentException.class, () -> DatasetKeys.publicPrefix("../x"));
    assertThrows(IllegalArgumentException.class, () -> DatasetKeys.tenantPrefix("a/b", "x"));
    assertThrows(IllegalArgumentException.class, () -> DatasetKeys.tenantPrefix("a", "Birds"));
  }

  @Test
  void exampleFramesCarryTheirSourceImageAndCrop() {
    FrameHeaders frame = new FrameHeaders("job-2", "tenant-a", 11, 0, true, 7.25, 96, 96,
        new FrameHeaders.ExampleSource("owl.jpg", "public-datasets/photos/owl.jpg", 640, 480,
            120, 40, 200, 200));
    assertEquals(frame, FrameHeaders.fromHeaders(frame.toHeaders()));
    assertEquals(null, FrameHeaders.fromHeaders(
        new FrameHeaders("j", "t", 1, 0, true, 1, 8, 8).toHeaders()).example());
    Map<String, byte[]> broken = frame.toHeaders();
    broken.put(FrameHeaders.EXAMPLE_CROP, "1,2,3".getBytes(StandardCharsets.UTF_8));
    assertThrows(MessageFormatException.class, () -> FrameHeaders.fromHeaders(broken));
  }
}
