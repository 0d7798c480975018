package io.featureviz.optvis.image;

/**
 * An image as decoded within a memory budget: its pixels, keeping every {@code factor}-th pixel
 * of the original in each direction, and the original's size.
 *
 * @param pixels the decoded pixels, about {@code originalWidth / factor} wide
 * @param factor 1 when decoded whole
 */
public record DecodedImage(RgbImage pixels, int factor, int originalWidth, int originalHeight) {

  /** An image decoded whole: its pixels are the original's. */
  public static DecodedImage whole(RgbImage pixels) {
    return new DecodedImage(pixels, 1, pixels.width(), pixels.height());
  }
}
