package io.featureviz.optvis.image;

/**
 * Separable image resampling: area averaging when shrinking (every source pixel counts by how
 * much of it an output pixel covers, so no aliasing) and bilinear interpolation when enlarging.
 */
public final class Resampler {

  /** For each output pixel along one axis: the first source pixel and the weights from there. */
  private record Taps(int[] first, float[][] weights) {}

  private Resampler() {}

  /** Scales the short side to {@code size} and crops the centred {@code size}×{@code size}. */
  public static RgbImage resizeShortSideAndCropCentre(RgbImage image, int size) {
    CentreSquare square = CentreSquare.of(image.width(), image.height());
    return resizeRegion(image, square.x(), square.y(), square.side(), square.side(), size, size);
  }

  /**
   * Resamples the region at ({@code x}, {@code y}) of {@code width}×{@code height} pixels, which
   * must lie inside the image, to {@code outWidth}×{@code outHeight}. Integer offsets keep a
   * same-size region an exact copy.
   */
  public static RgbImage resizeRegion(RgbImage image, int x, int y, int width, int height,
      int outWidth, int outHeight) {
    if (outWidth <= 0 || outHeight <= 0) {
      throw new IllegalArgumentException("output size must be positive: " + outWidth + "x"
          + outHeight);
    }
    if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > image.width()
        || y + height > image.height()) {
      throw new IllegalArgumentException("region " + x + "," + y + " " + width + "x" + height
          + " is not inside the " + image.width() + "x" + image.height() + " image");
    }
    Taps columns = taps(image.width(), x, width, outWidth);
    Taps rows = taps(image.height(), y, height, outHeight);
    return resample(image, columns, rows, outWidth, outHeight);
  }

  /** Maps the source window [offset, offset + length) onto {@code count} output pixels. */
  private static Taps taps(int sourceSize, int offset, int length, int count) {
    double scale = (double) length / count;
    int[] first = new int[count];
    float[][] weights = new float[count][];
    for (int i = 0; i < count; i++) {
      if (scale >= 1) {
        double start = offset + i * scale;
        double end = start + scale;
        first[i] = (int) Math.floor(start);
        int last = Math.min((int) Math.ceil(end), sourceSize) - 1;
        weights[i] = new float[last - first[i] + 1];
        for (int k = first[i]; k <= last; k++) {
          double overlap = Math.min(end, k + 1) - Math.max(start, k);
          weights[i][k - first[i]] = (float) (overlap / scale);
        }
      } else {
        double centre = offset + (i + 0.5) * scale - 0.5;
        int left = (int) Math.floor(centre);
        float t = (float) (centre - left);
        first[i] = Math.max(left, 0);
        int right = Math.min(left + 1, sourceSize - 1);
        // At the borders both taps land on the same pixel, which then gets the whole weight.
        weights[i] = right == first[i] ? new float[] {1f} : new float[] {1f - t, t};
      }
    }
    return new Taps(first, weights);
  }

  private static RgbImage resample(RgbImage image, Taps columns, Taps rows, int width,
      int height) {
    int c = RgbImage.CHANNELS;
    float[] src = image.pixels();
    float[] horizontal = new float[image.height() * width * c];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < width; x++) {
        float[] w = columns.weights()[x];
        for (int k = 0; k < w.length; k++) {
          int from = (y * image.width() + columns.first()[x] + k) * c;
          for (int ch = 0; ch < c; ch++) {
            horizontal[(y * width + x) * c + ch] += w[k] * src[from + ch];
          }
        }
      }
    }
    float[] out = new float[height * width * c];
    for (int y = 0; y < height; y++) {
      float[] w = rows.weights()[y];
      for (int k = 0; k < w.length; k++) {
        int fromRow = (rows.first()[y] + k) * width * c;
        for (int i = 0; i < width * c; i++) {
          out[y * width * c + i] += w[k] * horizontal[fromRow + i];
        }
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.min(1f, Math.max(0f, out[i]));
    }
    return new RgbImage(width, height, out);
  }
}
