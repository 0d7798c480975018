package io.featureviz.optvis.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Encodes images as 8-bit RGB PNG. The bytes depend on the pixels only (no timestamp or other
 * metadata), so the same image always gives the same file, which keeps stored frames idempotent.
 */
public final class PngEncoder {

  private PngEncoder() {}

  /** Values are clamped to [0, 1] and rounded to the nearest of 256 levels. */
  public static byte[] encode(RgbImage image) {
    BufferedImage buffered =
        new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
    int[] row = new int[image.width()];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        row[x] = level(image.get(x, y, 0)) << 16 | level(image.get(x, y, 1)) << 8
            | level(image.get(x, y, 2));
      }
      buffered.setRGB(0, y, image.width(), 1, row, 0, image.width());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(buffered, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding to memory failed", e);
    }
    return out.toByteArray();
  }

  private static int level(float value) {
    return Math.round(Math.min(1f, Math.max(0f, value)) * 255f);
  }
}
