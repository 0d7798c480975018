package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.Resampler;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.testing.SharedFiles;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The box finds what excites the unit: a patch that excites a channel, pasted into a corner of a
 * flat grey canvas, is where the search looks.
 */
class LocalisationTest {

  // Stride 8 and a receptive field of a few dozen pixels: boxes far smaller than the image.
  private static final String LAYER = "expanded_conv_5/add";
  private static final int WIDTH = 400;
  private static final int HEIGHT = 300;
  /** The patch's top-left corner: near the top-left of the square the model sees. */
  private static final int PATCH_X = (WIDTH - HEIGHT) / 2 + 4;
  private static final int PATCH_Y = 4;

  @ParameterizedTest
  @ValueSource(ints = {2, 17, 28})
  void boxFindsAnExcitingPatchPastedIntoACornerOfAGreyCanvas(int channel) {
    ImageModel model = SharedFiles.catalog().load("mobilenet_v2");
    ObjectiveSpec objective = ObjectiveSpec.of(new Channel(LAYER, channel));
    // The patch: the best photo's example box, at the scale the model saw it there.
    DatasetExample best =
        SharedPhotos.search(model, objective, SharedPhotos.sources(), 1, 64).get(0);
    RgbImage photo = SharedPhotos.named(best.scored().name());
    CropBox box = best.box();
    int side = (int) Math.round(box.width() * (double) HEIGHT
        / Math.min(photo.width(), photo.height()));
    RgbImage patch =
        Resampler.resizeRegion(photo, box.x(), box.y(), box.width(), box.height(), side, side);
    RgbImage canvas = greyWith(patch);

    DatasetExample found;
    try (DatasetExampleSearch search = new DatasetExampleSearch(model, objective, 64)) {
      found = search.example(search.score("canvas", canvas), canvas, 0);
    }
    LayerInfo grid = model.info().layer(LAYER).orElseThrow();
    ScoredImage scored = found.scored();
    assertTrue(scored.positionX() < grid.width() / 4 && scored.positionY() < grid.height() / 4,
        "the strongest unit should sit in the patch's corner: " + scored);
    CropBox at = found.box();
    String where = at + " for the patch at " + PATCH_X + "," + PATCH_Y + " " + side + "x" + side;
    assertTrue(at.x() < PATCH_X + side && at.x() + at.width() > PATCH_X
        && at.y() < PATCH_Y + side && at.y() + at.height() > PATCH_Y, "no overlap: " + where);
    double centreX = at.x() + at.width() / 2.0;
    double centreY = at.y() + at.height() / 2.0;
    assertTrue(centreX >= PATCH_X && centreX <= PATCH_X + side && centreY >= PATCH_Y
        && centreY <= PATCH_Y + side, "the box should centre inside the patch: " + where);
    assertTrue(at.width() < HEIGHT / 3, "a small receptive field gives a small box: " + where);
  }

  private static RgbImage greyWith(RgbImage patch) {
    float[] pixels = new float[WIDTH * HEIGHT * RgbImage.CHANNELS];
    Arrays.fill(pixels, 0.5f);
    for (int y = 0; y < patch.height(); y++) {
      System.arraycopy(patch.pixels(), y * patch.width() * RgbImage.CHANNELS, pixels,
          ((PATCH_Y + y) * WIDTH + PATCH_X) * RgbImage.CHANNELS,
          patch.width() * RgbImage.CHANNELS);
    }
    return new RgbImage(WIDTH, HEIGHT, pixels);
  }
}
