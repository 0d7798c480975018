package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.contracts.render.InterpolationSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.testing.SharedFiles;
import io.featureviz.optvis.transform.TransformList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a pack accepts, and how its members end on their own: cancelled, failed, finished. */
class RenderPackTest {

  private static final ImageModel MODEL = SharedFiles.catalog().load("mobilenet_v2");
  private static final int STEPS = 6;

  /** Small and without redirected ReLU gradients (one copy of the network): cheap graphs. */
  private static RenderSpec spec(String objective, int batch, long seed) {
    return new RenderSpec(ObjectiveSpec.parse(objective), 32, batch, STEPS, List.of(3, STEPS),
        seed, 0.05, ImageParameterization.STANDARD, TransformList.STANDARD, 0);
  }

  @Test
  void membersMustShareTheirSettingsAndLayersAndNotInterpolate() {
    RenderSpec member = spec("expanded_conv_5/add:5", 1, 1);
    RenderSpec larger = new RenderSpec(member.objective(), 48, 1, STEPS, member.thresholds(), 1,
        0.05, member.param(), member.transforms(), 0);
    assertThrows(IllegalArgumentException.class, () -> new RenderPack(List.of(member, larger)));
    assertThrows(IllegalArgumentException.class, () -> new RenderPack(
        List.of(member, spec("expanded_conv_12/add:5", 1, 2))), "another layer");
    new RenderPack(List.of(member, spec("expanded_conv_5/add:9 - 0.5*tv", 2, 2)));
    RenderSpec interpolation = member.interpolating(
        new InterpolationSpec("expanded_conv_5/add:1", "expanded_conv_5/add:3", 3));
    assertFalse(RenderPack.packable(interpolation));
    assertThrows(IllegalArgumentException.class, () -> new RenderPack(List.of(interpolation)));
    assertThrows(IllegalArgumentException.class, () -> new RenderPack(List.of()));
  }

  @Test
  void theNetworkRunsOnAnEvenBatchOfAtLeastTwoWithinTheBatchLimit() {
    assertEquals(2, new RenderPack(List.of(spec("expanded_conv_5/add:5", 1, 1))).slots());
    assertEquals(4, new RenderPack(List.of(spec("expanded_conv_5/add:5", 1, 1),
        spec("expanded_conv_5/add:5", 2, 2))).slots());
    assertEquals(4, new RenderPack(List.of(spec("expanded_conv_5/add:5", 4, 1))).slots());
    RenderSpec full = spec("expanded_conv_5/add:5", RenderSpec.MAX_BATCH, 1);
    assertEquals(RenderSpec.MAX_BATCH, new RenderPack(List.of(full)).slots());
    assertThrows(IllegalArgumentException.class,
        () -> new RenderPack(List.of(full, spec("expanded_conv_5/add:5", 1, 2))));
  }

  @Test
  void aCancelledMemberEndsAloneAtOnceAndTheOthersFinish() {
    List<Integer> stepsHeard = new ArrayList<>();
    List<Integer> otherSteps = new ArrayList<>();
    List<String> ends = new ArrayList<>();
    RenderListener cancelsAfterTwo = new RenderListener() {
      @Override
      public void onStep(int stepsDone, float[] values) {
        stepsHeard.add(stepsDone);
      }

      @Override
      public boolean isCancelled() {
        return stepsHeard.size() >= 2;
      }

      @Override
      public void onEnd(PackedResult result) {
        ends.add("cancelled member after the other's step " + otherSteps.size());
      }
    };
    RenderListener other = new RenderListener() {
      @Override
      public void onStep(int stepsDone, float[] values) {
        otherSteps.add(stepsDone);
      }

      @Override
      public void onEnd(PackedResult result) {
        ends.add("other member after its step " + otherSteps.size());
      }
    };
    RenderPack pack = new RenderPack(List.of(spec("expanded_conv_5/add:5", 1, 1),
        spec("expanded_conv_5/add:6", 2, 2)));
    try (RenderGraphCache cache = new RenderGraphCache(1)) {
      List<PackedResult> results = cache.render(MODEL, pack, List.of(cancelsAfterTwo, other));
      assertEquals(List.of(1, 2), stepsHeard, "no callbacks after the cancel");
      assertEquals(List.of("cancelled member after the other's step 2",
          "other member after its step " + STEPS), ends, "each end heard once, when it came");
      assertTrue(results.get(0).result().cancelled());
      assertEquals(2, results.get(0).result().stepsDone());
      assertFalse(results.get(1).result().cancelled());
      assertEquals(STEPS, results.get(1).result().stepsDone());
      Snapshot last = results.get(1).result().snapshots().get(1);
      assertTrue(last.isFinal());
      assertEquals(2, last.images().size(), "the member's own images");
      assertEquals(2, last.objectiveValues().length);

      List<PackedResult> allCancelled = cache.render(MODEL, pack,
          List.of(cancelAfter(1), cancelAfter(1)));
      assertEquals(1, cache.built(), "the repeated pack reused its graph");
      allCancelled.forEach(r -> assertEquals(1, r.result().stepsDone()));
      allCancelled.forEach(r -> assertTrue(r.result().cancelled()));
    }
  }

  @Test
  void aMemberWhoseObjectiveIsNotFiniteFailsAloneWithoutTouchingTheOthers() {
    RenderSpec healthy = spec("expanded_conv_5/add:5", 1, 3);
    RenderPack pack = new RenderPack(List.of(spec("1e39*expanded_conv_5/add:4", 1, 4), healthy));
    try (RenderGraphCache cache = new RenderGraphCache(0)) {
      List<PackedResult> results =
          cache.render(MODEL, pack, List.of(RenderListener.NONE, RenderListener.NONE));
      assertNotNull(results.get(0).failure());
      assertEquals(1, results.get(0).result().stepsDone());
      assertNull(results.get(1).failure());
      PackedResult alone = cache.render(MODEL, new RenderPack(List.of(healthy)),
          List.of(RenderListener.NONE)).get(0);
      assertArrayEquals(alone.result().snapshots().get(1).grid(),
          results.get(1).result().snapshots().get(1).grid());
    }
  }

  private static RenderListener cancelAfter(int steps) {
    return new RenderListener() {
      private int done;

      @Override
      public void onStep(int stepsDone, float[] values) {
        done = stepsDone;
      }

      @Override
      public boolean isCancelled() {
        return done >= steps;
      }
    };
  }
}
