package io.featureviz.optvis.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGridTest {

  private static RgbImage flat(float value) {
    float[] pixels = new float[4 * 3 * RgbImage.CHANNELS];
    Arrays.fill(pixels, value);
    return new RgbImage(4, 3, pixels);
  }

  @Test
  void tilesImagesRowByRowWithGaps() {
    RgbImage grid = ImageGrid.arrange(List.of(flat(0.1f), flat(0.2f), flat(0.3f)), 2, 1);
    assertEquals(4 * 2 + 1, grid.width());
    assertEquals(3 * 2 + 1, grid.height());
    assertEquals(0.1f, grid.get(3, 2, 0));
    assertEquals(1f, grid.get(4, 2, 0), "gap column");
    assertEquals(0.2f, grid.get(5, 0, 1));
    assertEquals(0.3f, grid.get(0, 4, 2));
    assertEquals(1f, grid.get(8, 6, 0), "empty last cell");
  }
}
