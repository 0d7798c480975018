package io.featureviz.optvis.model.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.RenderDefaults;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.objectives.ObjectiveScorer;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.render.RenderListener;
import io.featureviz.optvis.render.RenderResult;
import io.featureviz.optvis.render.RenderSpec;
import io.featureviz.optvis.render.Renderer;
import io.featureviz.optvis.render.Snapshot;
import io.featureviz.optvis.transform.TransformList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gradients flow through the imported ONNX network: a class render becomes that class. */
class OnnxRenderTest {

  private static final int STEPS = 128;

  @Test
  void renderOfGoldfinchIsAGoldfinchToTheModel(@TempDir Path dir) throws IOException {
    OnnxModel model = SharedOnnx.mobilenetV2();
    ObjectiveSpec objective = ObjectiveSpec.parse("softmax:goldfinch");
    int size = model.info().inputSize();
    RenderResult result = Renderer.render(model, new RenderSpec(objective, size, 1, STEPS,
        List.of(STEPS), 0, RenderDefaults.LEARNING_RATE, ImageParameterization.STANDARD,
        TransformList.STANDARD), RenderListener.NONE);
    Snapshot last = result.snapshots().get(0);
    float reached = last.objectiveValues()[0];
    assertTrue(reached >= 0.99, "goldfinch probability reached by the render: " + reached);
    // The saved 8-bit picture, seen without the transforms, is still a goldfinch to the model.
    Path png = Files.write(dir.resolve("goldfinch.png"), last.images().get(0));
    try (ObjectiveScorer scorer = new ObjectiveScorer(model, objective, size)) {
      double probability = scorer.score(ImageLoader.loadSquare(png, size));
      assertTrue(probability > 0.5, "goldfinch probability of the saved PNG: " + probability);
    }
  }
}
