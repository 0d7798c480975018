package io.featureviz.optvis.image;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads JPEG, PNG, BMP (anything javax.imageio reads) into {@link RgbImage}s. */
public final class ImageLoader {

  /**
   * 12 megapixels, 144 MB as RGB floats: what {@link #readSubsampled} decodes an image to at most,
   * unless its floor on the short side asks for more.
   */
  static final long MAX_DECODED_PIXELS = 12_000_000L;

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
    return decode(bytes, name, (width, height) -> 1).pixels();
  }

  /**
   * Decodes an encoded image within {@link #MAX_DECODED_PIXELS}: a 40-megapixel photo decoded
   * whole would take half a gigabyte as floats, so one over the budget is read keeping every
   * {@code factor}-th pixel, the smallest factor within it, but never one that takes the short
   * side below {@code minShortSide}. Images within the budget are decoded whole, as by
   * {@link #read}.
   *
   * @throws IOException naming {@code name} when the bytes are not an image javax.imageio reads
   */
  public static DecodedImage readSubsampled(byte[] bytes, String name, int minShortSide)
      throws IOException {
    return decode(bytes, name, (width, height) -> subsampling(width, height, minShortSide));
  }

  /** The smallest factor within the budget, but never one below the short side's floor. */
  static int subsampling(int width, int height, int minShortSide) {
    int factor = 1;
    while ((long) (width / factor) * (height / factor) > MAX_DECODED_PIXELS
        && Math.min(width, height) / (factor + 1) >= minShortSide) {
      factor++;
    }
    return factor;
  }

  /** Decodes keeping every {@code factor.applyAsInt(width, height)}-th pixel. */
  private static DecodedImage decode(byte[] bytes, String name, IntBinaryOperator factorFor)
      throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("not a readable image (JPEG, PNG, BMP or GIF): " + name);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        int factor = factorFor.applyAsInt(width, height);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(factor, factor, 0, 0);
        return new DecodedImage(toRgb(reader.read(0, param)), factor, width, height);
      } catch (IOException | RuntimeException e) {
        // image readers report corrupt data as runtime exceptions too
        throw new IOException("cannot read image " + name + ": " + e.getMessage(), e);
      } finally {
        reader.dispose();
      }
    }
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
