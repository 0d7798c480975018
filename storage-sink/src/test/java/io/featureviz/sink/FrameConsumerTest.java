package io.featureviz.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.devstack.DevStackTestResource;
import io.minio.StatObjectResponse;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Frames from {@code fv.frames}: stored once as PNG objects with their rows; bad ones skipped. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class FrameConsumerTest {

  @Inject
  SinkTestSupport bus;

  @Test
  void frameIsStoredAsPngWithMetadataAndRow() throws Exception {
    String job = UUID.randomUUID().toString();
    byte[] png = SinkTestSupport.png(40, 30, 1);
    FrameHeaders frame = new FrameHeaders(job, "t1", 128, 1, false, 2.5, 40, 30);
    bus.sendFrame(frame, png);

    Map<String, Object> row = bus.awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    assertEquals("jobs/" + job + "/1/128.png", row.get("object_key"));
    assertEquals(128, row.get("step"));
    assertEquals(1, row.get("batch_index"));
    assertEquals(false, row.get("is_final"));
    assertEquals(2.5, row.get("objective_value"));
    assertEquals(40, row.get("width"));
    assertEquals(30, row.get("height"));
    assertEquals((long) png.length, row.get("bytes"));
    assertEquals(SinkTestSupport.sha256(png), row.get("sha256"));

    StatObjectResponse stat = bus.stat(frame.objectKey());
    assertEquals("image/png", stat.contentType());
    assertEquals(job, stat.userMetadata().getFirst("job"));
    assertEquals("128", stat.userMetadata().getFirst("step"));
    assertEquals("1", stat.userMetadata().getFirst("batch-index"));
    assertEquals("2.5", stat.userMetadata().getFirst("objective-value"));
    byte[] stored = bus.download(frame.objectKey());
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
    Map<String, Object> first = bus.awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    String etag = bus.stat(frame.objectKey()).etag();

    bus.sendFrame(frame, png);
    // Same key, same partition: once the next frame is stored, the redelivery was processed.
    FrameHeaders next = new FrameHeaders(job, "t1", 10, 0, true, 2.0, 16, 16);
    bus.sendFrame(next, SinkTestSupport.png(16, 16, 3));
    bus.awaitRow("SELECT * FROM frames WHERE job_id = ? AND step = 10", job);

    List<Map<String, Object>> rows =
        bus.rows("SELECT * FROM frames WHERE job_id = ? AND step = 5", job);
    assertEquals(1, rows.size());
    assertEquals(first, rows.get(0));
    assertEquals(etag, bus.stat(frame.objectKey()).etag());
    assertEquals(SinkTestSupport.sha256(png), SinkTestSupport.sha256(bus.download(frame.objectKey())));
  }

  @Test
  void malformedFrameIsSkippedAndLaterFramesStored() throws Exception {
    String job = UUID.randomUUID().toString();
    bus.sendFrame(new FrameHeaders(job, "t1", 1, 0, false, 0.0, 16, 16), "not a png".getBytes());
    byte[] png = SinkTestSupport.png(16, 16, 4);
    bus.sendFrame(new FrameHeaders(job, "t1", 2, 0, false, 0.0, 16, 16), png);

    bus.awaitRow("SELECT * FROM frames WHERE job_id = ? AND step = 2", job);
    assertEquals(List.of(), bus.rows("SELECT * FROM frames WHERE job_id = ? AND step = 1", job));
  }

  @Test
  void renderFramesHaveNoExampleColumns() throws Exception {
    String job = UUID.randomUUID().toString();
    bus.sendFrame(new FrameHeaders(job, "t1", 3, 0, true, 1.0, 16, 16),
        SinkTestSupport.png(16, 16, 6));
    Map<String, Object> row = bus.awaitRow("SELECT * FROM frames WHERE job_id = ?", job);
    assertNull(row.get("source_image"));
    assertNull(row.get("crop"));
    assertEquals("render",
        bus.rows("SELECT kind FROM jobs WHERE id = ?", job).get(0).get("kind"));
  }
}
