package io.featureviz.optvis.image;

/**
 * A grid of values (one per position of a layer) drawn over the image it was computed on: the
 * grid is smoothly upsampled (Catmull-Rom, clamped to the grid's range) to the image's size and
 * its positive part laid semi-transparently, in a warm sequential ramp, over a dimmed, partly
 * desaturated copy of the image, so the picture stays readable where the values are small.
 * Colour and opacity grow with the value, relative to the largest one. Negative values (evidence
 * against a class) show the dimmed image only: a second, cool ramp competed with the image's own
 * blues and made the heatmaps hard to read.
 */
public final class MapOverlay {

  /** How much of the image's brightness and colour remains under the overlay. */
  private static final float DIM = 0.5f;
  private static final float SATURATION = 0.4f;
  /** The opacity of the strongest value; weaker ones fade out. */
  private static final float MAX_OPACITY = 0.85f;
  /** Below 1: moderate values stay visible next to the strongest one. */
  private static final double OPACITY_GAMMA = 0.75;
  /** Warm ramp for positive values: dark red, orange, pale yellow. */
  private static final float[][] WARM = {{0.55f, 0.02f, 0.08f}, {1.0f, 0.42f, 0.0f},
      {1.0f, 0.95f, 0.55f}};

  private MapOverlay() {}

  /** {@code values}, row-major over a {@code gridWidth x gridHeight} grid, over {@code image}. */
  public static RgbImage over(RgbImage image, float[] values, int gridWidth, int gridHeight) {
    if (values.length != gridWidth * gridHeight) {
      throw new IllegalArgumentException(values.length + " values do not fill a " + gridWidth
          + "x" + gridHeight + " grid");
    }
    float[] upsampled = upsample(values, gridWidth, gridHeight, image.width(), image.height());
    float scale = 0;
    for (float v : values) {
      scale = Math.max(scale, v);
    }
    float[] out = new float[image.pixels().length];
    for (int p = 0; p < upsampled.length; p++) {
      float t = scale > 0 ? Math.max(0, Math.min(1, upsampled[p] / scale)) : 0;
      float[] colour = ramp(WARM, t);
      float opacity = (float) (MAX_OPACITY * Math.pow(t, OPACITY_GAMMA));
      dimmedPixel(image.pixels(), p, out);
      for (int c = 0; c < RgbImage.CHANNELS; c++) {
        int i = p * RgbImage.CHANNELS + c;
        out[i] = out[i] * (1 - opacity) + colour[c] * opacity;
      }
    }
    return new RgbImage(image.width(), image.height(), out);
  }

  private static void dimmedPixel(float[] pixels, int p, float[] out) {
    int i = p * RgbImage.CHANNELS;
    float luminance = 0.299f * pixels[i] + 0.587f * pixels[i + 1] + 0.114f * pixels[i + 2];
    for (int c = 0; c < RgbImage.CHANNELS; c++) {
      out[i + c] = DIM * (luminance + SATURATION * (pixels[i + c] - luminance));
    }
  }

  /** The colour at {@code t} in [0, 1] along evenly spaced stops. */
  private static float[] ramp(float[][] stops, float t) {
    float position = t * (stops.length - 1);
    int low = Math.min((int) position, stops.length - 2);
    float f = position - low;
    float[] colour = new float[RgbImage.CHANNELS];
    for (int c = 0; c < colour.length; c++) {
      colour[c] = stops[low][c] * (1 - f) + stops[low + 1][c] * f;
    }
    return colour;
  }

  /**
   * The grid resampled to {@code width x height}, each grid value at the centre of its cell,
   * edges extended; clamped to the grid's range so the cubic never overshoots.
   */
  static float[] upsample(float[] grid, int gridWidth, int gridHeight, int width, int height) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : grid) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float[] rows = new float[gridHeight * width];
    for (int gy = 0; gy < gridHeight; gy++) {
      for (int x = 0; x < width; x++) {
        int row = gy;
        rows[gy * width + x] = cubic(i -> grid[row * gridWidth + i], gridWidth,
            (x + 0.5) * gridWidth / width - 0.5);
      }
    }
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      double gy = (y + 0.5) * gridHeight / height - 0.5;
      for (int x = 0; x < width; x++) {
        int column = x;
        float v = cubic(i -> rows[i * width + column], gridHeight, gy);
        out[y * width + x] = Math.max(min, Math.min(max, v));
      }
    }
    return out;
  }

  private interface Samples {
    float at(int index);
  }

  /** Catmull-Rom interpolation of {@code count} samples at fractional index {@code position}. */
  private static float cubic(Samples samples, int count, double position) {
    int base = (int) Math.floor(position);
    double t = position - base;
    float p0 = samples.at(clamp(base - 1, count));
    float p1 = samples.at(clamp(base, count));
    float p2 = samples.at(clamp(base + 1, count));
    float p3 = samples.at(clamp(base + 2, count));
    return (float) (p1 + 0.5 * t * (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3
        + t * (3 * (p1 - p2) + p3 - p0))));
  }

  private static int clamp(int index, int count) {
    return Math.max(0, Math.min(count - 1, index));
  }
}
