package io.featureviz.optvis.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.testing.SharedFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@link ImageLoader#readSubsampled}: large images within a memory budget, small ones whole. */
class SubsampledReadTest {

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void imagesOverTheBudgetAreSubsampledButNotBelowTheShortSideFloor() {
    assertEquals(1, ImageLoader.subsampling(4000, 3000, 448));
    assertEquals(2, ImageLoader.subsampling(6000, 4000, 448));
    assertEquals(3, ImageLoader.subsampling(9000, 6000, 448));
    // a panorama: the budget would want 4, but the short side must stay >= 448
    assertEquals(2, ImageLoader.subsampling(40000, 1000, 448));
  }

  @Test
  void largeImagesAreSubsampledKeepingTheirAspectWithinTheBudget() throws IOException {
    DecodedImage decoded = ImageLoader.readSubsampled(png(5000, 3000), "big.png", 448);
    assertEquals(2, decoded.factor());
    assertEquals(5000, decoded.originalWidth());
    assertEquals(3000, decoded.originalHeight());
    assertEquals(2500, decoded.pixels().width());
    assertEquals(1500, decoded.pixels().height());
    assertTrue((long) decoded.pixels().width() * decoded.pixels().height()
        <= ImageLoader.MAX_DECODED_PIXELS);
    assertTrue(decoded.pixels().get(10, 10, 0) > 0.99f, "left half stays red");
    assertTrue(decoded.pixels().get(2490, 10, 0) < 0.01f, "right half stays black");
  }

  @Test
  void smallImagesAreReadWholeAsReadDoesAndDamagedOnesNamed() throws IOException {
    byte[] owl = Files.readAllBytes(SharedFiles.images().resolve("owl.jpg"));
    DecodedImage decoded = ImageLoader.readSubsampled(owl, "owl.jpg", 448);
    RgbImage whole = ImageLoader.read(owl, "owl.jpg");
    assertEquals(1, decoded.factor());
    assertEquals(whole.width(), decoded.originalWidth());
    assertEquals(whole.width(), decoded.pixels().width());
    assertArrayEquals(whole.pixels(), decoded.pixels().pixels());
    IOException notImage = assertThrows(IOException.class,
        () -> ImageLoader.readSubsampled("hello".getBytes(), "notes.txt", 448));
    assertTrue(notImage.getMessage().contains("notes.txt"), notImage.getMessage());
    byte[] truncated = Arrays.copyOf(png(300, 200), 60);
    IOException broken = assertThrows(IOException.class,
        () -> ImageLoader.readSubsampled(truncated, "cut.png", 448));
    assertTrue(broken.getMessage().contains("cut.png"), broken.getMessage());
  }
}
