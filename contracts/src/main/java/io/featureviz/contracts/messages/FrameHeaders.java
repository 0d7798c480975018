package io.featureviz.contracts.messages;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a frame on {@link Topics#FRAMES} is: the record value is the PNG, these are its Kafka
 * headers. The object key is deterministic, so a redelivered frame overwrites itself.
 *
 * <p>A dataset-examples job's frames are crops of dataset images: {@code batchIndex} is the
 * rank (0 drives the channel hardest), {@code step} the number of images scored,
 * {@code objectiveValue} the channel's largest activation in the image, and {@code example}
 * says which image and which part of it; a render's frames have no {@code example}.
 */
public record FrameHeaders(String jobId, String tenant, int step, int batchIndex,
    boolean isFinal, double objectiveValue, int width, int height, ExampleSource example) {

  public static final String VERSION = "fv-version";
  public static final String JOB = "fv-job";
  public static final String TENANT = "fv-tenant";
  public static final String STEP = "fv-step";
  public static final String BATCH_INDEX = "fv-batch-index";
  public static final String FINAL = "fv-final";
  public static final String OBJECTIVE_VALUE = "fv-objective-value";
  public static final String WIDTH = "fv-width";
  public static final String HEIGHT = "fv-height";
  public static final String EXAMPLE_IMAGE = "fv-example-image";
  public static final String EXAMPLE_KEY = "fv-example-key";
  public static final String EXAMPLE_IMAGE_SIZE = "fv-example-image-size";
  public static final String EXAMPLE_CROP = "fv-example-crop";
  public static final String CONTENT_TYPE = "content-type";
  public static final String PNG = "image/png";

  /** A frame of a render. */
  public FrameHeaders(String jobId, String tenant, int step, int batchIndex, boolean isFinal,
      double objectiveValue, int width, int height) {
    this(jobId, tenant, step, batchIndex, isFinal, objectiveValue, width, height, null);
  }

  /**
   * The dataset image a crop comes from, and the crop's box in that image's pixels.
   *
   * @param image the image's name in its dataset, e.g. {@code owl.jpg}
   * @param objectKey the image's key in the bucket
   */
  public record ExampleSource(String image, String objectKey, int imageWidth, int imageHeight,
      int cropX, int cropY, int cropWidth, int cropHeight) {}

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
    if (example != null) {
      put(headers, EXAMPLE_IMAGE, example.image());
      put(headers, EXAMPLE_KEY, example.objectKey());
      put(headers, EXAMPLE_IMAGE_SIZE, example.imageWidth() + "x" + example.imageHeight());
      put(headers, EXAMPLE_CROP, example.cropX() + "," + example.cropY() + ","
          + example.cropWidth() + "," + example.cropHeight());
    }
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
          Integer.parseInt(text(headers, WIDTH)), Integer.parseInt(text(headers, HEIGHT)),
          headers.containsKey(EXAMPLE_IMAGE) ? example(headers) : null);
    } catch (NumberFormatException e) {
      throw new MessageFormatException("malformed frame header: " + e.getMessage(), e);
    }
  }

  private static ExampleSource example(Map<String, byte[]> headers) {
    String[] size = text(headers, EXAMPLE_IMAGE_SIZE).split("x", -1);
    String[] crop = text(headers, EXAMPLE_CROP).split(",", -1);
    if (size.length != 2 || crop.length != 4) {
      throw new MessageFormatException("malformed example headers: size "
          + text(headers, EXAMPLE_IMAGE_SIZE) + ", crop " + text(headers, EXAMPLE_CROP));
    }
    return new ExampleSource(text(headers, EXAMPLE_IMAGE), text(headers, EXAMPLE_KEY),
        Integer.parseInt(size[0]), Integer.parseInt(size[1]), Integer.parseInt(crop[0]),
        Integer.parseInt(crop[1]), Integer.parseInt(crop[2]), Integer.parseInt(crop[3]));
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
