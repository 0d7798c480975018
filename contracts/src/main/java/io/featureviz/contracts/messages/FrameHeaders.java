package io.featureviz.contracts.messages;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a frame on {@link Topics#FRAMES} is: the record value is the PNG, these are its Kafka
 * headers. The object key is deterministic, so a redelivered frame overwrites itself.
 */
public record FrameHeaders(String jobId, String tenant, int step, int batchIndex,
    boolean isFinal, double objectiveValue, int width, int height) {

  public static final String VERSION = "fv-version";
  public static final String JOB = "fv-job";
  public static final String TENANT = "fv-tenant";
  public static final String STEP = "fv-step";
  public static final String BATCH_INDEX = "fv-batch-index";
  public static final String FINAL = "fv-final";
  public static final String OBJECTIVE_VALUE = "fv-objective-value";
  public static final String WIDTH = "fv-width";
  public static final String HEIGHT = "fv-height";
  public static final String CONTENT_TYPE = "content-type";
  public static final String PNG = "image/png";

  /** {@code jobs/<job>/<batch-index>/<step>.png}, e.g. {@code jobs/<job>/0/256.png}. */
  public String objectKey() {
    return String.format(Locale.ROOT, "jobs/%s/%d/%d.png", jobId, batchIndex, step);
  }

  public Map<String, byte[]> toHeaders() {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    put(headers, VERSION, Integer.toString(Messages.VERSION));
    put(headers, JOB, jobId);
    put(headers, TENANT, tenant);
    put(headers, STEP, Integer.toString(step));
    put(headers, BATCH_INDEX, Integer.toString(batchIndex));
    put(headers, FINAL, Boolean.toString(isFinal));
    put(headers, OBJECTIVE_VALUE, Double.toString(objectiveValue));
    put(headers, WIDTH, Integer.toString(width));
    put(headers, HEIGHT, Integer.toString(height));
    put(headers, CONTENT_TYPE, PNG);
    return headers;
  }

  /** Reads headers written by {@link #toHeaders}; any missing or malformed one is an error. */
  public static FrameHeaders fromHeaders(Map<String, byte[]> headers) {
    String version = text(headers, VERSION);
    if (!version.equals(Integer.toString(Messages.VERSION))) {
      throw new MessageFormatException("unknown frame version " + version);
    }
    try {
      return new FrameHeaders(text(headers, JOB), text(headers, TENANT),
          Integer.parseInt(text(headers, STEP)), Integer.parseInt(text(headers, BATCH_INDEX)),
          Boolean.parseBoolean(text(headers, FINAL)),
          Double.parseDouble(text(headers, OBJECTIVE_VALUE)),
          Integer.parseInt(text(headers, WIDTH)), Integer.parseInt(text(headers, HEIGHT)));
    } catch (NumberFormatException e) {
      throw new MessageFormatException("malformed frame header: " + e.getMessage(), e);
    }
  }

  private static void put(Map<String, byte[]> headers, String name, String value) {
    headers.put(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(Map<String, byte[]> headers, String name) {
    byte[] value = headers.get(name);
    if (value == null) {
      throw new MessageFormatException("frame lacks header " + name);
    }
    return new String(value, StandardCharsets.UTF_8);
  }
}
