package io.featureviz.optvis.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ImageModel;
import io.featureviz.optvis.param.ImageParameterization;
import io.featureviz.optvis.testing.SharedFiles;
import io.featureviz.optvis.transform.TransformList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reused graph renders the same bytes as a new one, however its previous render ended. */
class RenderGraphCacheTest {

  private static final ImageModel MODEL = SharedFiles.catalog().load("mobilenet_v2");

  private static RenderSpec spec(long seed) {
    return new RenderSpec(ObjectiveSpec.parse("expanded_conv_5/add:5"), 32, 1, 6, List.of(3, 6),
        seed, 0.05, ImageParameterization.STANDARD, TransformList.STANDARD);
  }

  @Test
  void aRepeatedSpecReusesItsGraphAndRendersTheBytesOfANewGraph() {
    RenderResult fresh = Renderer.render(MODEL, spec(7), new RenderListener() {});
    try (RenderGraphCache cache = new RenderGraphCache(1)) {
      RenderResult first = cache.render(MODEL, spec(7), new RenderListener() {});
      RenderResult cancelled = cache.render(MODEL, spec(7), new RenderListener() {
        private int steps;

        @Override
        public void onStep(int step, float[] values) {
          steps = step;
        }

        @Override
        public boolean isCancelled() {
          return steps >= 2;
        }
      });
      RenderResult again = cache.render(MODEL, spec(7), new RenderListener() {});
      assertEquals(1, cache.built(), "one graph for three renders of one spec");
      assertTrue(cancelled.cancelled());
      for (RenderResult reused : List.of(first, again)) {
        assertEquals(fresh.snapshots().size(), reused.snapshots().size());
        for (int i = 0; i < fresh.snapshots().size(); i++) {
          assertArrayEquals(fresh.snapshots().get(i).grid(), reused.snapshots().get(i).grid(),
              "snapshot " + i);
        }
      }
    }
  }

  @Test
  void anotherSpecBuildsItsOwnGraphAndTheOldestIdleGraphIsDropped() {
    try (RenderGraphCache cache = new RenderGraphCache(1)) {
      cache.render(MODEL, spec(1), new RenderListener() {});
      cache.render(MODEL, spec(2), new RenderListener() {});
      cache.render(MODEL, spec(1), new RenderListener() {});
      assertEquals(3, cache.built(), "capacity 1 keeps only the latest graph");
      cache.render(MODEL, spec(1), new RenderListener() {});
      assertEquals(3, cache.built());
    }
  }
}
