package io.featureviz.worker.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.examples.CropBox;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DatasetImageReaderTest {

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
  void imagesOverTheBudgetAreSubsampledButNotBelowTwiceTheInputSize() {
    assertEquals(1, DatasetImageReader.subsampling(4000, 3000, 224));
    assertEquals(2, DatasetImageReader.subsampling(6000, 4000, 224));
    assertEquals(3, DatasetImageReader.subsampling(9000, 6000, 224));
    // a panorama: the budget would want 4, but the short side must stay >= 448
    assertEquals(2, DatasetImageReader.subsampling(40000, 1000, 224));
  }

  @Test
  void largeImagesAreSubsampledAndBoxesMappedBack() throws IOException {
    DatasetImageReader.Decoded decoded = DatasetImageReader.read(png(5000, 3000), "big.png", 224);
    assertEquals(2, decoded.factor());
    assertEquals(5000, decoded.width());
    assertEquals(3000, decoded.height());
    assertEquals(2500, decoded.image().width());
    assertEquals(1500, decoded.image().height());
    assertTrue(decoded.image().get(10, 10, 0) > 0.99f, "left half stays red");
    assertTrue(decoded.image().get(2490, 10, 0) < 0.01f, "right half stays black");
    assertEquals(new CropBox(200, 100, 300, 300),
        decoded.toOriginal(new CropBox(100, 50, 150, 150)));
    // a box on the decoded image's last pixels stays inside the original
    assertEquals(new CropBox(4800, 2800, 200, 200),
        decoded.toOriginal(new CropBox(2400, 1400, 100, 100)));
  }

  @Test
  void smallImagesAreReadWholeAndDamagedOnesNamed() throws IOException {
    DatasetImageReader.Decoded decoded = DatasetImageReader.read(png(300, 200), "s.png", 224);
    assertEquals(1, decoded.factor());
    assertEquals(300, decoded.image().width());
    IOException notImage = assertThrows(IOException.class,
        () -> DatasetImageReader.read("hello".getBytes(), "notes.txt", 224));
    assertTrue(notImage.getMessage().contains("notes.txt"), notImage.getMessage());
    byte[] truncated = Arrays.copyOf(png(300, 200), 60);
    IOException broken = assertThrows(IOException.class,
        () -> DatasetImageReader.read(truncated, "cut.png", 224));
    assertTrue(broken.getMessage().contains("cut.png"), broken.getMessage());
  }
}
