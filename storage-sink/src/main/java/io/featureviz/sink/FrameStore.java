package io.featureviz.sink;

import io.featureviz.contracts.messages.FrameHeaders;
import io.featureviz.contracts.messages.MessageFormatException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Stores one frame: the PNG in the object store first, then its row, so a row implies an object. */
@ApplicationScoped
public class FrameStore {

  private final ObjectStore objects;
  private final FrameRows rows;
  private final TransientFailureRetry retry;
  private final Counter stored;
  private final Counter storedBytes;

  FrameStore(ObjectStore objects, FrameRows rows, TransientFailureRetry retry,
      MeterRegistry registry) {
    this.objects = objects;
    this.rows = rows;
    this.retry = retry;
    this.stored = registry.counter("fv.sink.frames.stored");
    this.storedBytes = registry.counter("fv.sink.frames.stored.bytes");
  }

  /**
   * Both writes are idempotent (same key, same row), so retrying after a transient failure, or
   * Kafka redelivering after a crash, leaves one object and one row.
   *
   * @throws MessageFormatException when the value is not a PNG of the size the headers claim
   */
  public void store(FrameHeaders frame, byte[] png) throws Exception {
    PngHeader header = PngHeader.read(png);
    if (header.width() != frame.width() || header.height() != frame.height()) {
      throw new MessageFormatException("PNG is " + header.width() + "x" + header.height()
          + " but the headers say " + frame.width() + "x" + frame.height());
    }
    String sha256 = sha256(png);
    retry.run(() -> {
      objects.put(frame.objectKey(), png, FrameHeaders.PNG, Map.of(
          "job", frame.jobId(),
          "step", Integer.toString(frame.step()),
          "batch-index", Integer.toString(frame.batchIndex()),
          "final", Boolean.toString(frame.isFinal()),
          "objective-value", Double.toString(frame.objectiveValue()),
          "sha256", sha256));
      rows.record(frame, png.length, sha256);
    });
    stored.increment();
    storedBytes.increment(png.length);
  }

  private static String sha256(byte[] content) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
