package io.featureviz.optvis.image;

/**
 * An RGB image as floats in [0, 1], stored height × width × channel (HWC), the layout of one
 * NHWC batch entry.
 */
public record RgbImage(int width, int height, float[] pixels) {

  public static final int CHANNELS = 3;

  public RgbImage {
    if (width <= 0 || height <= 0 || pixels.length != width * height * CHANNELS) {
      throw new IllegalArgumentException("expected " + width + "x" + height + "x3 values, got "
          + pixels.length);
    }
  }

  /** Value of one channel of one pixel. */
  public float get(int x, int y, int channel) {
    return pixels[(y * width + x) * CHANNELS + channel];
  }
}
