package io.featureviz.optvis.image;

import java.util.Arrays;
import java.util.List;

/** Tiles equally sized images into one, row by row, e.g. to show a batch render at once. */
public final class ImageGrid {

  private static final float GAP_VALUE = 1f;

  private ImageGrid() {}

  /**
   * @param columns tiles per row; rows follow from the image count
   * @param gap white pixels between tiles
   */
  public static RgbImage arrange(List<RgbImage> images, int columns, int gap) {
    if (images.isEmpty() || columns <= 0 || gap < 0) {
      throw new IllegalArgumentException("need images, columns > 0 and gap >= 0");
    }
    int tileW = images.get(0).width();
    int tileH = images.get(0).height();
    int cols = Math.min(columns, images.size());
    int rows = (images.size() + cols - 1) / cols;
    int width = cols * tileW + (cols - 1) * gap;
    int height = rows * tileH + (rows - 1) * gap;
    int c = RgbImage.CHANNELS;
    float[] pixels = new float[width * height * c];
    Arrays.fill(pixels, GAP_VALUE);
    for (int i = 0; i < images.size(); i++) {
      RgbImage tile = images.get(i);
      if (tile.width() != tileW || tile.height() != tileH) {
        throw new IllegalArgumentException("image " + i + " differs in size from image 0");
      }
      int left = (i % cols) * (tileW + gap);
      int top = (i / cols) * (tileH + gap);
      for (int y = 0; y < tileH; y++) {
        System.arraycopy(tile.pixels(), y * tileW * c, pixels,
            ((top + y) * width + left) * c, tileW * c);
      }
    }
    return new RgbImage(width, height, pixels);
  }
}
