package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.CentreSquare;
import io.featureviz.optvis.image.Resampler;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.testing.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Boxes in the source's pixels: a wide or tall photo's box is the box found in the square the
 * model saw, scaled by the photo's short side and moved by the centre crop's offset.
 */
class SourceMappingTest {

  private static final int CROP = 96;

  private final ImageModel model = SharedFiles.catalog().load("mobilenet_v2");
  private final ObjectiveSpec objective =
      ObjectiveSpec.of(new Channel("expanded_conv_9/project", 11));

  @ParameterizedTest
  @ValueSource(strings = {"cat_720p.jpg", "parrot.jpg"})
  void boxIsTheSeenSquaresBoxScaledAndOffsetIntoTheSource(String photo) {
    RgbImage source = SharedPhotos.named(photo);
    int size = model.info().inputSize();
    // The square as the model sees it; as a source of its own its pixels are the input itself.
    RgbImage seen = Resampler.resizeShortSideAndCropCentre(source, size);
    DatasetExample fromSource;
    DatasetExample fromSeen;
    try (DatasetExampleSearch search = new DatasetExampleSearch(model, objective, CROP)) {
      fromSource = search.example(search.score(photo, source), source, 0);
      fromSeen = search.example(search.score(photo, seen), seen, 0);
    }
    assertEquals(fromSeen.scored().maxActivation(), fromSource.scored().maxActivation());
    assertEquals(fromSeen.scored().positionX(), fromSource.scored().positionX());
    assertEquals(fromSeen.scored().positionY(), fromSource.scored().positionY());

    CentreSquare square = CentreSquare.of(source.width(), source.height());
    double scale = (double) square.side() / size;
    CropBox inSource = fromSource.box();
    CropBox inSeen = fromSeen.box();
    String boxes = inSource + " in the source, " + inSeen + " in the seen square";
    assertEquals(inSeen.width() * scale, inSource.width(), 1, boxes);
    assertEquals(inSource.width(), inSource.height(), boxes);
    assertEquals(square.x() + (inSeen.x() + inSeen.width() / 2.0) * scale,
        inSource.x() + inSource.width() / 2.0, scale, boxes);
    assertEquals(square.y() + (inSeen.y() + inSeen.height() / 2.0) * scale,
        inSource.y() + inSource.height() / 2.0, scale, boxes);
    assertTrue(inSource.x() >= square.x() && inSource.y() >= square.y()
        && inSource.x() + inSource.width() <= square.x() + square.side()
        && inSource.y() + inSource.height() <= square.y() + square.side(),
        "inside the part the model saw: " + boxes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cat_720p.jpg", "parrot.jpg"})
  void cropFromTheSourceShowsWhatTheModelSawThere(String photo) {
    RgbImage source = SharedPhotos.named(photo);
    RgbImage seen = Resampler.resizeShortSideAndCropCentre(source, model.info().inputSize());
    RgbImage sharp;
    RgbImage blurred;
    try (DatasetExampleSearch search = new DatasetExampleSearch(model, objective, CROP)) {
      sharp = search.example(search.score(photo, source), source, 0).crop();
      blurred = search.example(search.score(photo, seen), seen, 0).crop();
    }
    assertEquals(CROP, sharp.width());
    assertEquals(CROP, sharp.height());
    // The same content at two sharpnesses differs little; a mirrored crop would differ a lot.
    assertTrue(meanAbsoluteDifference(sharp, blurred) < 0.05,
        "difference " + meanAbsoluteDifference(sharp, blurred));
    assertTrue(meanAbsoluteDifference(sharp, mirrored(blurred))
        > 2 * meanAbsoluteDifference(sharp, blurred), "the crops show structure, not flat colour");
  }

  private static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
    double sum = 0;
    for (int i = 0; i < a.pixels().length; i++) {
      sum += Math.abs(a.pixels()[i] - b.pixels()[i]);
    }
    return sum / a.pixels().length;
  }

  private static RgbImage mirrored(RgbImage image) {
    float[] pixels = new float[image.pixels().length];
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        for (int c = 0; c < RgbImage.CHANNELS; c++) {
          pixels[(y * image.width() + x) * RgbImage.CHANNELS + c] =
              image.get(image.width() - 1 - x, image.height() - 1 - y, c);
        }
      }
    }
    return new RgbImage(image.width(), image.height(), pixels);
  }
}
