package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.model.LayerInfo;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.render.RenderGraph;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.transform.TransformList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Gradients flow through every fixture family (src/test/onnx/README.md): a few steps on a channel
 * of a middle spatial layer raise it. Plain steps only (no transforms, no redirected ReLU
 * steps), which keeps the graphs small: all seven models take about 30 s on two busy cores.
 */
class OnnxGradientTest {

  private static final int STEPS = 8;

  @TestFactory
  Stream<DynamicTest> aChannelOfAMiddleLayerRisesUnderOptimization() throws IOException {
    return OnnxFixtures.folders().stream().map(dir -> DynamicTest.dynamicTest(
        dir.getFileName().toString(), () -> assertRises(dir.resolve("model.onnx"))));
  }

  private static void assertRises(Path file) {
    OnnxModel model = OnnxModel.load(file, Normalization.IMAGENET, List.of(),
        file.getParent().getFileName().toString(), null);
    List<LayerInfo> spatial =
        model.info().layers().stream().filter(l -> l.height() > 1).toList();
    LayerInfo layer = spatial.get(spatial.size() / 2);
    String objective = layer.name() + ":" + layer.channels() / 2;
    RenderSpec spec = new RenderSpec(ObjectiveSpec.parse(objective), model.info().inputSize(), 1,
        STEPS, List.of(STEPS), 0, RenderDefaults.LEARNING_RATE, ImageParameterization.STANDARD,
        TransformList.NONE, 0);
    try (RenderGraph graph = new RenderGraph(model, spec)) {
      float first = graph.step(0)[0];
      float last = first;
      for (int i = 1; i < STEPS; i++) {
        last = graph.step(i)[0];
      }
      assertTrue(last > first, objective + ": " + first + " -> " + last);
    }
  }
}
