package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.objectives.ObjectiveScorer;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.testing.TinyConvModel;
import io.featureviz.optvis.transform.TransformList;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Interpolations on the engine: shared layout, aligned neighbours, ends that are the ends. */
class InterpolationRenderTest {

  private static final TinyConvModel MODEL = new TinyConvModel();
  private static final InterpolationSpec INTERPOLATION =
      new InterpolationSpec("conv2:1", "conv2:3", 5);
  private static final int SIZE = TinyConvModel.INPUT_SIZE;
  private static final int STEPS = 60;

  /** The interpolation's frames as a plain batch: the same objectives, no sharing, no alignment. */
  private static RenderSpec independentFrames(TransformList transforms) {
    return new RenderSpec(INTERPOLATION.objective(), SIZE, INTERPOLATION.frames(), STEPS,
        List.of(STEPS), 5, 0.05, ImageParameterization.STANDARD, transforms);
  }

  private static RenderSpec interpolation(TransformList transforms) {
    return independentFrames(transforms).interpolating(INTERPOLATION);
  }

  private static List<RgbImage> render(RenderSpec spec) {
    try (RenderGraph graph = new RenderGraph(MODEL, spec)) {
      for (int step = 0; step < spec.steps(); step++) {
        graph.step(step);
      }
      return graph.images();
    }
  }

  /** Mean absolute pixel difference between frames i and i+1, averaged over the strip. */
  private static double neighbourDifference(List<RgbImage> frames) {
    double sum = 0;
    for (int i = 0; i + 1 < frames.size(); i++) {
      float[] a = frames.get(i).pixels();
      float[] b = frames.get(i + 1).pixels();
      double frame = 0;
      for (int p = 0; p < a.length; p++) {
        frame += Math.abs(a[p] - b[p]);
      }
      sum += frame / a.length;
    }
    return sum / (frames.size() - 1);
  }

  @Test
  void neighbouringFramesShareTheirLayout() {
    double shared = neighbourDifference(render(interpolation(TransformList.STANDARD)));
    double independent = neighbourDifference(render(independentFrames(TransformList.STANDARD)));
    assertTrue(shared < 0.7 * independent,
        "neighbours differ by " + shared + " shared, " + independent + " independent");
  }

  @Test
  void theEndFramesReportTheEndObjectives() {
    // Without transforms a step's values are those of the images it starts from.
    RenderSpec spec = interpolation(TransformList.NONE);
    try (RenderGraph graph = new RenderGraph(MODEL, spec);
        ObjectiveScorer from = new ObjectiveScorer(MODEL, ObjectiveSpec.parse("conv2:1"), SIZE);
        ObjectiveScorer to = new ObjectiveScorer(MODEL, ObjectiveSpec.parse("conv2:3"), SIZE)) {
      float[] first = null;
      for (int step = 0; step < 20; step++) {
        float[] values = graph.step(step);
        first = first == null ? values : first;
      }
      List<RgbImage> frames = graph.images();
      float[] values = graph.step(20);
      int last = INTERPOLATION.frames() - 1;
      assertEquals(from.score(frames.get(0)), values[0], 1e-4 * Math.abs(values[0]) + 1e-5,
          "frame 0 reports the 'from' objective, without the alignment penalty");
      assertEquals(to.score(frames.get(last)), values[last], 1e-4 * Math.abs(values[last]) + 1e-5);
      assertTrue(values[0] > first[0] && values[last] > first[last], "both ends rise");
    }
  }

  @Test
  void aBatchOtherThanTheFrameCountIsRefused() {
    RenderSpec spec = interpolation(TransformList.NONE);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new RenderSpec(ObjectiveSpec.parse("conv2:1"), SIZE, 4, STEPS, List.of(STEPS), 5, 0.05,
            spec.param(), spec.transforms(), spec.redirectReluSteps(), INTERPOLATION));
    assertTrue(refused.getMessage().contains("5 frames"), refused.getMessage());
  }

  @Test
  void sameSpecSameBytesAsOneStrip() throws IOException {
    RenderSpec spec = interpolation(TransformList.STANDARD);
    RenderSpec eightSteps = new RenderSpec(spec.objective(), SIZE, spec.batch(), 8, List.of(4, 8),
        spec.seed(), spec.learningRate(), spec.param(), spec.transforms(),
        spec.redirectReluSteps(), INTERPOLATION);
    List<Snapshot> first = Renderer.render(MODEL, eightSteps, RenderListener.NONE).snapshots();
    List<Snapshot> second = Renderer.render(MODEL, eightSteps, RenderListener.NONE).snapshots();
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i).grid(), second.get(i).grid());
    }
    BufferedImage strip = ImageIO.read(new ByteArrayInputStream(first.get(1).grid()));
    assertEquals(SIZE, strip.getHeight(), "one row");
    assertTrue(strip.getWidth() > INTERPOLATION.frames() * SIZE, "every frame side by side");
  }
}
