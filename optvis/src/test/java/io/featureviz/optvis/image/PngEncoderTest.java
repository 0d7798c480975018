package io.featureviz.optvis.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

  private static RgbImage noise(int width, int height, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[width * height * RgbImage.CHANNELS];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return new RgbImage(width, height, pixels);
  }

  @Test
  void encodesTheSameImageToTheSameBytes() {
    assertArrayEquals(PngEncoder.encode(noise(37, 23, 1)), PngEncoder.encode(noise(37, 23, 1)));
  }

  @Test
  void decodesBackToThePixelsWithinOneLevel() throws IOException {
    RgbImage image = noise(37, 23, 2);
    RgbImage decoded = ImageLoader.toRgb(
        ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image))));
    assertEquals(image.width(), decoded.width());
    assertEquals(image.height(), decoded.height());
    for (int i = 0; i < image.pixels().length; i++) {
      assertEquals(image.pixels()[i], decoded.pixels()[i], 0.5f / 255 + 1e-6, "value " + i);
    }
  }

  @Test
  void clampsValuesOutsideTheUnitRange() throws IOException {
    RgbImage image = new RgbImage(1, 1, new float[] {-0.5f, 1.5f, 0.5f});
    RgbImage decoded = ImageLoader.toRgb(
        ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(image))));
    assertArrayEquals(new float[] {0f, 1f, 128 / 255f}, decoded.pixels(), 1e-6f);
  }
}
