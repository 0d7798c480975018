package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.Channel;
import io.featureviz.contracts.objective.Neuron;
import io.featureviz.contracts.objective.Objective;
import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.Resampler;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.objectives.ObjectiveScorer;
import io.featureviz.optvis.testing.SharedFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A score's numbers against the engine's own objectives, evaluated on the same square image. */
class ScoredActivationTest {

  @ParameterizedTest
  @CsvSource({"mobilenet_v2, expanded_conv_9/project, 11, cat_720p.jpg",
      "inception_v3, mixed4, 97, parrot.jpg"})
  void maxIsTheNeuronObjectiveAtThePositionAndMeanIsTheChannelObjective(String modelId,
      String layer, int channel, String photo) {
    ImageModel model = SharedFiles.catalog().load(modelId);
    int size = model.info().inputSize();
    RgbImage source = SharedPhotos.named(photo);
    ScoredImage scored;
    try (DatasetExampleSearch search =
        new DatasetExampleSearch(model, ObjectiveSpec.of(new Channel(layer, channel)), 64)) {
      scored = search.score(photo, source);
    }
    RgbImage square = Resampler.resizeShortSideAndCropCentre(source, size);
    float atPosition = objective(model, square,
        new Neuron(layer, channel, scored.positionX(), scored.positionY()));
    assertEquals(atPosition, scored.maxActivation(), 1e-4 * Math.abs(atPosition) + 1e-6);
    float channelMean = objective(model, square, new Channel(layer, channel));
    assertEquals(channelMean, scored.meanActivation(), 1e-4 * Math.abs(channelMean) + 1e-5);

    LayerInfo grid = model.info().layer(layer).orElseThrow();
    for (int[] other : otherPositions(scored, grid)) {
      float value = objective(model, square, new Neuron(layer, channel, other[0], other[1]));
      assertTrue(value <= scored.maxActivation() + 1e-4 * Math.abs(value),
          "unit at " + other[0] + "," + other[1] + " has " + value + ", above the reported max "
              + scored.maxActivation());
    }
  }

  private static float objective(ImageModel model, RgbImage square, Objective objective) {
    try (ObjectiveScorer scorer =
        new ObjectiveScorer(model, ObjectiveSpec.of(objective), square.width())) {
      return scorer.score(square);
    }
  }

  /** The reported position's neighbours, the grid's corners and its centre. */
  private static List<int[]> otherPositions(ScoredImage scored, LayerInfo grid) {
    List<int[]> positions = new ArrayList<>();
    int x = scored.positionX();
    int y = scored.positionY();
    for (int[] step : new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
      int nx = x + step[0];
      int ny = y + step[1];
      if (nx >= 0 && ny >= 0 && nx < grid.width() && ny < grid.height()) {
        positions.add(new int[] {nx, ny});
      }
    }
    int right = grid.width() - 1;
    int bottom = grid.height() - 1;
    positions.addAll(List.of(new int[] {0, 0}, new int[] {right, 0}, new int[] {0, bottom},
        new int[] {right, bottom}, new int[] {right / 2, bottom / 2}));
    positions.removeIf(p -> p[0] == x && p[1] == y);
    return positions;
  }
}
