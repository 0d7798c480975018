package io.featureviz.uploads;

import static io.featureviz.uploads.TestPngs.png;
import static io.featureviz.uploads.TestPngs.pngClaiming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageValidatorTest {

  @TempDir
  Path dir;

  private Path file(byte[] bytes) throws IOException {
    return Files.write(dir.resolve("upload"), bytes);
  }

  private static byte[] encoded(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(width / 2, height / 2, 0xff8000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
    return out.toByteArray();
  }

  private String refusal(byte[] bytes) throws IOException {
    Path upload = file(bytes);
    return assertThrows(InvalidImageException.class, () -> ImageValidator.inspect(upload))
        .getMessage();
  }

  /** The type comes from the bytes, whatever the file is called. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"png,image/png", "jpeg,image/jpeg", "bmp,image/bmp", "gif,image/gif"})
  void acceptedFormatIsDecodedWithItsSize(String format, String contentType) throws Exception {
    assertEquals(new ImageInfo(contentType, 40, 30),
        ImageValidator.inspect(file(encoded(format, 40, 30))));
  }

  /** A large photo is decoded subsampled, but its own size is reported. */
  @Test
  void largeImageReportsItsFullSize() throws Exception {
    assertEquals(new ImageInfo("image/png", 3000, 2000),
        ImageValidator.inspect(file(encoded("png", 3000, 2000))));
  }

  @Test
  void otherFormatsAreRefused() throws IOException {
    assertEquals("is not a JPEG, PNG, BMP or GIF image", refusal(encoded("tiff", 8, 8)));
    assertEquals("is not a JPEG, PNG, BMP or GIF image",
        refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
  }

  /** A decompression bomb: refused from its header, before any pixel is decoded. */
  @Test
  void sizeOverFortyMegapixelsIsRefused() throws IOException {
    assertEquals("is 10000x5000 pixels; at most 40 megapixels are accepted",
        refusal(pngClaiming(10_000, 5_000)));
  }

  /** The PNG reader itself refuses a header of zero width. */
  @Test
  void emptyImageIsRefused() throws IOException {
    String reason = refusal(pngClaiming(0, 10));
    assertTrue(reason.startsWith("does not decode as png"), reason);
  }

  @Test
  void truncatedImageIsRefused() throws IOException {
    byte[] whole = encoded("jpeg", 64, 64);
    String reason = refusal(Arrays.copyOf(whole, whole.length / 2));
    assertTrue(reason.startsWith("is a damaged jpeg") || reason.startsWith("does not decode as"),
        reason);
  }

  @Test
  void damagedPixelDataIsRefused() throws IOException {
    byte[] broken = png(3);
    // Overwrite the compressed pixels (IDAT follows the 33 bytes of signature and IHDR).
    Arrays.fill(broken, 41, broken.length - 12, (byte) 0x55);
    assertTrue(refusal(broken).startsWith("does not decode as png"));
  }
}
