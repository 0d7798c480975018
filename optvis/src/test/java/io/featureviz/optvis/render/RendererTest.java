package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.image.ImageLoader;
import io.featureviz.optvis.image.RgbImage;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.testing.SharedFiles;
import io.featureviz.optvis.transform.TransformList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders on the imported mobilenet_v2: snapshots, PNG bytes, determinism, cancellation. */
class RendererTest {

  private static final ImageModel MODEL = SharedFiles.catalog().load("mobilenet_v2");

  private static RenderSpec spec(long seed, int batch, String objective) {
    return new RenderSpec(ObjectiveSpec.parse(objective), 64, batch, 8, List.of(4, 8), seed,
        0.05, ImageParameterization.STANDARD, TransformList.STANDARD);
  }

  private static List<Snapshot> render(RenderSpec spec) {
    List<Snapshot> seen = new ArrayList<>();
    RenderResult result = Renderer.render(MODEL, spec, new RenderListener() {
      @Override
      public void onSnapshot(Snapshot snapshot) {
        seen.add(snapshot);
      }
    });
    assertEquals(result.snapshots().size(), seen.size());
    return seen;
  }

  @Test
  void sameSeedGivesByteIdenticalPngsAndAnotherSeedDoesNot() {
    List<Snapshot> first = render(spec(3, 1, "expanded_conv_5/add:5"));
    List<Snapshot> again = render(spec(3, 1, "expanded_conv_5/add:5"));
    List<Snapshot> other = render(spec(4, 1, "expanded_conv_5/add:5"));
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i).grid(), again.get(i).grid(), "snapshot " + i);
      assertArrayEquals(first.get(i).objectiveValues(), again.get(i).objectiveValues());
    }
    assertFalse(java.util.Arrays.equals(first.get(1).grid(), other.get(1).grid()));
  }

  @Test
  void emitsOneSnapshotPerThresholdWithPngsOfTheRequestedSize(@TempDir Path dir)
      throws IOException {
    List<Snapshot> snapshots = render(spec(1, 2, "softmax:goldfish;softmax:flamingo"));
    assertEquals(List.of(4, 8), snapshots.stream().map(Snapshot::step).toList());
    assertTrue(snapshots.get(1).isFinal());
    assertFalse(snapshots.get(0).isFinal());
    Snapshot last = snapshots.get(1);
    assertEquals(2, last.images().size());
    assertEquals(2, last.objectiveValues().length);
    for (byte[] png : last.images()) {
      Path file = Files.write(dir.resolve("element.png"), png);
      RgbImage decoded = ImageLoader.load(file);
      assertEquals(64, decoded.width());
      assertEquals(64, decoded.height());
    }
    RgbImage grid = ImageLoader.load(Files.write(dir.resolve("grid.png"), last.grid()));
    assertEquals(64 * 2 + 2, grid.width(), "two tiles side by side with a 2 px gap");
  }

  @Test
  void stopsAtTheNextStepWhenCancelled() {
    AtomicInteger steps = new AtomicInteger();
    RenderResult result = Renderer.render(MODEL, spec(1, 1, "expanded_conv_5/add:5"),
        new RenderListener() {
          @Override
          public void onStep(int stepsDone, float[] objectiveValues) {
            steps.set(stepsDone);
          }

          @Override
          public boolean isCancelled() {
            return steps.get() >= 3;
          }
        });
    assertTrue(result.cancelled());
    assertEquals(3, result.stepsDone());
    assertTrue(result.snapshots().isEmpty());
  }

  @Test
  void anExplodingObjectiveFailsWithAClearError() {
    RenderSpec huge = new RenderSpec(ObjectiveSpec.parse("1e38*expanded_conv_5/add:5"), 64, 1,
        4, List.of(4), 0, 0.05, ImageParameterization.STANDARD, TransformList.NONE);
    NonFiniteObjectiveException e = assertThrows(NonFiniteObjectiveException.class,
        () -> Renderer.render(MODEL, huge, RenderListener.NONE));
    assertTrue(e.getMessage().contains("not finite"), e.getMessage());
  }
}
