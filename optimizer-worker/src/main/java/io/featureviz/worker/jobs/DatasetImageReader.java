package io.featureviz.worker.jobs;

import io.featureviz.optvis.examples.CropBox;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a dataset image within a memory budget. A 40-megapixel upload decoded whole would take
 * half a gigabyte as floats; the network sees it at its input size and the crops are small, so
 * an image over {@link #MAX_DECODED_PIXELS} is read keeping every {@code factor}-th pixel. Photos
 * within the budget are decoded whole, so they score exactly as {@code ./fv examples} scores them.
 */
final class DatasetImageReader {

  /** 12 megapixels: 144 MB as RGB floats, one image at a time in the worker's heap. */
  static final long MAX_DECODED_PIXELS = 12_000_000L;

  /** The decoded pixels, and how to get from their coordinates back to the original's. */
  record Decoded(RgbImage image, int factor, int width, int height) {

    /** A box in the decoded image's pixels, in the original's, inside it. */
    CropBox toOriginal(CropBox box) {
      int x = Math.min(box.x() * factor, width - 1);
      int y = Math.min(box.y() * factor, height - 1);
      return new CropBox(x, y, Math.min(box.width() * factor, width - x),
          Math.min(box.height() * factor, height - y));
    }
  }

  private DatasetImageReader() {}

  /** The smallest factor within the budget, but never below twice the input size. */
  static int subsampling(int width, int height, int modelInputSize) {
    int factor = 1;
    while ((long) (width / factor) * (height / factor) > MAX_DECODED_PIXELS
        && Math.min(width, height) / (factor + 1) >= 2 * modelInputSize) {
      factor++;
    }
    return factor;
  }

  static Decoded read(byte[] bytes, String name, int modelInputSize) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException(name + " is not a readable image (JPEG, PNG, BMP or GIF)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        int factor = subsampling(width, height, modelInputSize);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(factor, factor, 0, 0);
        BufferedImage image = reader.read(0, param);
        return new Decoded(ImageLoader.toRgb(image), factor, width, height);
      } catch (IOException | RuntimeException e) {
        // image readers report corrupt data as runtime exceptions too
        throw new IOException(name + " cannot be decoded: " + e.getMessage(), e);
      } finally {
        reader.dispose();
      }
    }
  }
}
