package io.featureviz.optvis.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads JPEG, PNG, BMP (anything javax.imageio reads) into {@link RgbImage}s. */
public final class ImageLoader {

  private ImageLoader() {}

  /** Reads an image file at its own size, converted to RGB; an alpha channel is dropped. */
  public static RgbImage load(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    return read(bytes, file.toString());
  }

  /**
   * Decodes an encoded image held in memory (an object fetched from a store, say), as
   * {@link #load} does a file.
   *
   * @param name what the bytes are called, for error messages
   * @throws IOException naming {@code name} when the bytes are not an image javax.imageio reads
   */
  public static RgbImage read(byte[] bytes, String name) throws IOException {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IOException("cannot read image " + name + ": " + e.getMessage(), e);
    }
    if (image == null) {
      throw new IOException("not a readable image (JPEG, PNG, BMP or GIF): " + name);
    }
    return toRgb(image);
  }

  /** Reads an image, scales its short side to {@code size} and crops the centre square. */
  public static RgbImage loadSquare(Path file, int size) throws IOException {
    return Resampler.resizeShortSideAndCropCentre(load(file), size);
  }

  /** The pixels of a decoded image as RGB floats in [0, 1]; alpha is dropped. */
  public static RgbImage toRgb(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    float[] pixels = new float[width * height * RgbImage.CHANNELS];
    Raster raster = image.getRaster();
    // getRGB would pass grey images through a linear-to-sRGB conversion and brighten them.
    boolean grey = image.getColorModel().getNumColorComponents() == 1
        && !(image.getColorModel() instanceof IndexColorModel);
    float greyMax = (1 << image.getColorModel().getComponentSize(0)) - 1;
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      if (!grey) {
        image.getRGB(0, y, width, 1, row, 0, width);
      }
      for (int x = 0; x < width; x++) {
        int at = (y * width + x) * RgbImage.CHANNELS;
        if (grey) {
          float v = raster.getSample(x, y, 0) / greyMax;
          pixels[at] = v;
          pixels[at + 1] = v;
          pixels[at + 2] = v;
        } else {
          pixels[at] = (row[x] >> 16 & 0xff) / 255f;
          pixels[at + 1] = (row[x] >> 8 & 0xff) / 255f;
          pixels[at + 2] = (row[x] & 0xff) / 255f;
        }
      }
    }
    return new RgbImage(width, height, pixels);
  }
}
