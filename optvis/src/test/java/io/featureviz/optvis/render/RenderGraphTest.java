package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.param.PixelParam;
import io.featureviz.optvis.param.RgbConstraint;
import io.featureviz.optvis.testing.TinyConvModel;
import io.featureviz.optvis.transform.TransformList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderGraphTest {

  private static RenderSpec spec(String objective, int batch, long seed,
      ImageParameterization param, TransformList transforms) {
    return new RenderSpec(ObjectiveSpec.parse(objective), 32, batch, 40, List.of(20, 40), seed,
        0.05, param, transforms);
  }

  private static float[] run(RenderGraph graph, int steps) {
    float[] last = null;
    for (int i = 0; i < steps; i++) {
      last = graph.step(i);
    }
    return last;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "conv2:3", "neuron:conv2:5", "neuron:conv2:5@2,3", "layer:conv1",
      "direction:conv1:[1,0,-1,0,0.5,0,0,1]", "logit:3", "softmax:seven",
      "conv2:1 - 0.5*tv - 0.1*l1 - 0.1*l2 - blur", "conv2:1 + diversity:conv2",
      "conv2:1;conv2:2"})
  void everyObjectiveKindRisesUnderOptimization(String objective) {
    int batch = objective.contains(";") || objective.contains("diversity") ? 2 : 1;
    try (RenderGraph graph = new RenderGraph(new TinyConvModel(),
        spec(objective, batch, 7, ImageParameterization.STANDARD, TransformList.STANDARD))) {
      float[] first = graph.step(0);
      float[] last = run(graph, 30);
      assertTrue(mean(last) > mean(first), objective + ": " + Arrays.toString(first) + " -> "
          + Arrays.toString(last));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"fft", "pixel"})
  void sameSeedGivesIdenticalImagesAndDifferentSeedDoesNot(String param) {
    ImageParameterization parameterization = param.equals("fft")
        ? ImageParameterization.STANDARD
        : new ImageParameterization(PixelParam.DEFAULT, false, RgbConstraint.CLIP);
    float[][] images = new float[3][];
    long[] seeds = {1, 1, 2};
    for (int i = 0; i < 3; i++) {
      try (RenderGraph graph = new RenderGraph(new TinyConvModel(),
          spec("conv2:3", 2, seeds[i], parameterization, TransformList.STANDARD))) {
        run(graph, 10);
        images[i] = flatten(graph.images());
      }
    }
    assertArrayEquals(images[0], images[1]);
    assertFalse(Arrays.equals(images[0], images[2]));
    for (float v : images[0]) {
      assertTrue(v >= 0f && v <= 1f, "pixel outside [0,1]: " + v);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "standard", "pad(4),jitter(2)", "scale(1.2)", "rotate(30)"})
  void transformsKeepTrackOfTheNetworkInputSize(String transforms) {
    TransformList list = TransformList.parse(transforms);
    try (RenderGraph graph = new RenderGraph(new TinyConvModel(),
        spec("conv2:3", 1, 3, ImageParameterization.STANDARD, list))) {
      int expected = switch (transforms) {
        case "standard" -> 32 + 24 - 8 - 4;
        case "pad(4),jitter(2)" -> 32 + 8 - 2;
        default -> 32;
      };
      assertEquals(expected, graph.networkInputSize());
      graph.step(0);
      assertEquals(32 * 32 * 3, graph.images().get(0).pixels().length);
    }
  }

  private static float[] flatten(List<io.featureviz.optvis.image.RgbImage> images) {
    float[] all = new float[images.size() * images.get(0).pixels().length];
    for (int i = 0; i < images.size(); i++) {
      float[] pixels = images.get(i).pixels();
      System.arraycopy(pixels, 0, all, i * pixels.length, pixels.length);
    }
    return all;
  }

  private static double mean(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
