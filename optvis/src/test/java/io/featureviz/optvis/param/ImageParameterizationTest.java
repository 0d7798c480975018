package io.featureviz.optvis.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.testing.SharedFiles;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageParameterizationTest {

  private static final int SIZE = 32;
  private static final int STEPS = 200;

  private static RgbImage photo;

  @BeforeAll
  static void loadTarget() throws IOException {
    photo = ImageLoader.loadSquare(SharedFiles.images().resolve("owl.jpg"), SIZE);
  }

  /**
   * lucid's spatial test: optimizing the parameterization alone, its image approaches a photo.
   * The photo's pure blacks and whites stay out of a sigmoid's reach, so the error falls to a
   * small fraction of its start rather than to zero.
   */
  @ParameterizedTest(name = "{0}, decorrelate {1}, clip {2}")
  @CsvSource({"fft,true,false", "fft,false,false", "pixel,true,false", "pixel,false,false",
      "fft,true,true", "pixel,false,true"})
  void everyParameterizationFitsATargetImage(String spatial, boolean decorrelate,
      boolean clip) {
    ImageParameterization param = ImageParameterization.of(spatial, decorrelate, clip, 1f);
    try (TargetImageFit fit = new TargetImageFit(param, photo)) {
      float start = fit.meanSquaredError();
      fit.step(STEPS);
      float end = fit.meanSquaredError();
      assertTrue(end < start / 50, param + ": mean squared error " + start + " -> " + end);
    }
  }

  @Test
  void namesChooseTheSpatialBasisAndTheConstraint() {
    ImageParameterization pixel = ImageParameterization.of("pixel", false, true, 1f);
    assertEquals(PixelParam.DEFAULT, pixel.spatial());
    assertEquals(RgbConstraint.CLIP, pixel.constraint());
    ImageParameterization fft = ImageParameterization.of("fft", true, false, 1.5f);
    assertEquals(new FourierParam(FourierParam.DEFAULT.initStddev(), 1.5f), fft.spatial());
    assertEquals(RgbConstraint.SIGMOID, fft.constraint());
  }

  @Test
  void unknownNameIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageParameterization.of("cppn", true, false, 1f));
    assertTrue(e.getMessage().contains("'cppn'"), e.getMessage());
  }
}
