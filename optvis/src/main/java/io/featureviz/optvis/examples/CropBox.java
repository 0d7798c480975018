package io.featureviz.optvis.examples;

import io.featureviz.optvis.image.DecodedImage;

/**
 * Where a dataset example's crop comes from: a box in the source image's own pixels (not the
 * model's input square), left edge {@code x}, top edge {@code y}.
 */
public record CropBox(int x, int y, int width, int height) {

  /** This box, given in {@code decoded}'s pixels, in its original's pixels, inside them. */
  CropBox inOriginal(DecodedImage decoded) {
    int factor = decoded.factor();
    int left = Math.min(x * factor, decoded.originalWidth() - 1);
    int top = Math.min(y * factor, decoded.originalHeight() - 1);
    return new CropBox(left, top, Math.min(width * factor, decoded.originalWidth() - left),
        Math.min(height * factor, decoded.originalHeight() - top));
  }
}
