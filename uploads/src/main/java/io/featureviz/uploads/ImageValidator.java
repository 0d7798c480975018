package io.featureviz.uploads;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a file as the workers will (javax.imageio), accepting JPEG, PNG, BMP and GIF. The size
 * is read from the header first and an image over {@link #MAX_PIXELS} is refused before any
 * pixel is decoded: a small file can claim a size whose pixels would fill the heap. The image
 * is then decoded, so that a truncated or damaged one is refused now rather than in a job;
 * subsampled, so that a large photo costs about a megapixel of heap, while the readers still
 * go through the data of all but the last few rows.
 */
public final class ImageValidator {

  /** 40 megapixels: more than any camera photo a dataset needs. */
  private static final long MAX_PIXELS = 40_000_000L;

  /** About how many pixels a decoded image keeps. */
  private static final long DECODED_PIXELS = 1_000_000L;

  private static final Map<String, String> CONTENT_TYPES = Map.of("jpeg", "image/jpeg",
      "png", "image/png", "bmp", "image/bmp", "gif", "image/gif");

  private ImageValidator() {}

  public static ImageInfo inspect(Path file) throws InvalidImageException, IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new IOException("cannot read " + file);
      }
      Optional<ImageReader> found = reader(in);
      if (found.isEmpty()) {
        throw new InvalidImageException("is not a JPEG, PNG, BMP or GIF image");
      }
      ImageReader reader = found.get();
      try {
        reader.setInput(in, true, true);
        return decode(reader);
      } catch (IOException | RuntimeException e) {
        // a decoder's exception on hostile bytes is the file's fault, not the server's
        throw new InvalidImageException("does not decode as " + format(reader) + ": "
            + (e instanceof EOFException ? "the file ends too early"
                : Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())));
      } finally {
        reader.dispose();
      }
    }
  }

  private static ImageInfo decode(ImageReader reader) throws IOException, InvalidImageException {
    String format = format(reader);
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    long pixels = (long) width * height;
    if (width < 1 || height < 1 || pixels > MAX_PIXELS) {
      throw new InvalidImageException("is " + width + "x" + height + " pixels; at most "
          + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
    }
    ImageReadParam param = reader.getDefaultReadParam();
    int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODED_PIXELS));
    param.setSourceSubsampling(step, step, 0, 0);
    // Readers report a truncated or corrupt stream as a warning and return what they decoded.
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    reader.read(0, param);
    if (!warnings.isEmpty()) {
      throw new InvalidImageException("is a damaged " + format + ": " + warnings.get(0));
    }
    return new ImageInfo(CONTENT_TYPES.get(format), width, height);
  }

  /** The first reader of an accepted format that recognises the file's first bytes. */
  private static Optional<ImageReader> reader(ImageInputStream in) {
    for (Iterator<ImageReader> readers = ImageIO.getImageReaders(in); readers.hasNext(); ) {
      ImageReader reader = readers.next();
      if (CONTENT_TYPES.containsKey(format(reader))) {
        return Optional.of(reader);
      }
    }
    return Optional.empty();
  }

  private static String format(ImageReader reader) {
    try {
      return reader.getFormatName().toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
