package io.featureviz.optvis.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.testing.SharedFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

  @TempDir Path dir;

  @Test
  void resizesTheShortSideAndCropsTheCentreOfAPhoto() throws IOException {
    Path photo = SharedFiles.images().resolve("cat_720p.jpg");
    RgbImage original = ImageLoader.load(photo);
    assertTrue(original.width() > original.height(), "a landscape photo");
    RgbImage square = ImageLoader.loadSquare(photo, 224);
    assertEquals(224, square.width());
    assertEquals(224, square.height());
    float min = 1;
    float max = 0;
    for (float v : square.pixels()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertTrue(min >= 0 && max <= 1 && max - min > 0.5, "range " + min + ".." + max);
  }

  @Test
  void cropsTheCentreOfAWideImage() throws IOException {
    // 300x100: black, white, black thirds; only the white middle survives a centre crop.
    BufferedImage wide = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 100; y++) {
      for (int x = 100; x < 200; x++) {
        wide.setRGB(x, y, 0xffffff);
      }
    }
    RgbImage square = ImageLoader.loadSquare(write(wide, "wide.png"), 50);
    assertEquals(50, square.width());
    for (float v : square.pixels()) {
      assertEquals(1f, v, 1e-6);
    }
  }

  @Test
  void averagesAreasWhenShrinking() throws IOException {
    // A one-pixel checkerboard halved: area averaging gives flat grey, point sampling would not.
    BufferedImage board = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        board.setRGB(x, y, (x + y) % 2 == 0 ? 0xffffff : 0);
      }
    }
    RgbImage half = ImageLoader.loadSquare(write(board, "board.bmp"), 32);
    for (float v : half.pixels()) {
      assertEquals(0.5f, v, 1e-5);
    }
  }

  @Test
  void interpolatesWhenEnlarging() throws IOException {
    BufferedImage ramp = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    ramp.setRGB(1, 0, 0xffffff);
    ramp.setRGB(1, 1, 0xffffff);
    RgbImage big = ImageLoader.loadSquare(write(ramp, "ramp.png"), 8);
    // Left edge black, right edge white, a monotonic ramp between.
    assertEquals(0f, big.get(0, 4, 0), 1e-6);
    assertEquals(1f, big.get(7, 4, 0), 1e-6);
    for (int x = 1; x < 8; x++) {
      assertTrue(big.get(x, 4, 1) >= big.get(x - 1, 4, 1));
    }
    assertEquals(0.5f, (big.get(3, 4, 2) + big.get(4, 4, 2)) / 2, 1e-6);
  }

  @Test
  void keepsAnImageOfTheRequestedSizeExactly() throws IOException {
    Path photo = SharedFiles.images().resolve("cat.bmp");
    RgbImage original = ImageLoader.load(photo);
    int side = Math.min(original.width(), original.height());
    RgbImage square = ImageLoader.loadSquare(photo, side);
    int left = (original.width() - side) / 2;
    int top = (original.height() - side) / 2;
    assertEquals(original.get(left + 10, top + 20, 1), square.get(10, 20, 1), 1e-6);
  }

  @Test
  void readsGreyImagesWithoutChangingTheirLevels() throws IOException {
    BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(1, 1, 0, 100);
    RgbImage rgb = ImageLoader.load(write(grey, "grey.png"));
    assertEquals(100 / 255f, rgb.get(1, 1, 0), 1e-6);
    assertEquals(100 / 255f, rgb.get(1, 1, 2), 1e-6);
  }

  @Test
  void rejectsAFileThatIsNoImage() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
    IOException e = assertThrows(IOException.class, () -> ImageLoader.load(text));
    assertTrue(e.getMessage().contains("not a readable image"), e.getMessage());
    assertTrue(e.getMessage().contains("notes.png"), e.getMessage());
  }

  @Test
  void decodesBytesInMemoryAsItDecodesTheFile() throws IOException {
    Path photo = SharedFiles.images().resolve("owl.jpg");
    RgbImage fromFile = ImageLoader.load(photo);
    RgbImage fromBytes = ImageLoader.read(Files.readAllBytes(photo), "owl.jpg");
    assertEquals(fromFile.width(), fromBytes.width());
    assertEquals(fromFile.height(), fromBytes.height());
    assertTrue(Arrays.equals(fromFile.pixels(), fromBytes.pixels()));
  }

  @Test
  void rejectsBytesThatAreNoImageNamingThem() {
    byte[] text = "not an image".getBytes(StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class,
        () -> ImageLoader.read(text, "photos/readme.txt"));
    assertTrue(e.getMessage().contains("not a readable image"), e.getMessage());
    assertTrue(e.getMessage().contains("photos/readme.txt"), e.getMessage());
  }

  @Test
  void resizesARegionFromItsOwnPixelsOnly() {
    // Left half black, right half white: the right half alone, resized, is all white.
    RgbImage halves = new RgbImage(8, 4, new float[8 * 4 * 3]);
    for (int y = 0; y < 4; y++) {
      for (int x = 4; x < 8; x++) {
        for (int c = 0; c < 3; c++) {
          halves.pixels()[(y * 8 + x) * 3 + c] = 1f;
        }
      }
    }
    RgbImage right = Resampler.resizeRegion(halves, 4, 0, 4, 4, 2, 2);
    assertEquals(2, right.width());
    for (float v : right.pixels()) {
      assertEquals(1f, v, 1e-6);
    }
    assertThrows(IllegalArgumentException.class,
        () -> Resampler.resizeRegion(halves, 5, 0, 4, 4, 2, 2));
  }

  private Path write(BufferedImage image, String name) throws IOException {
    Path file = dir.resolve(name);
    ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile());
    return file;
  }
}
