package io.featureviz.optvis.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.explain.ExplainLimits;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NeuronGroupsTest {

  /** Two groups, no noise: 12 x 12 positions, 16 channels, 4 per group. */
  private static final PlantedGroups TWO = PlantedGroups.of(12, 16, 2, 4, 0f, 3);

  /** A gradient of 1 on group 1's channels and 0 elsewhere. */
  private static float[] gradientOnGroupOne() {
    float[] gradients = new float[TWO.values().length];
    for (int p = 0; p < TWO.positions(); p++) {
      for (int c = 4; c < 8; c++) {
        gradients[p * TWO.channels() + c] = 1;
      }
    }
    return gradients;
  }

  private static List<FactorGroup> groups(float[] gradients, int count, long seed) {
    return NeuronGroups.of(TWO.values(), gradients, TWO.positions(), TWO.channels(), count, seed);
  }

  @Test
  void groupAttributionIsTheGradientTimesWhatTheGroupReconstructs() {
    List<FactorGroup> groups = groups(gradientOnGroupOne(), 2, 1);
    double groupOneActivation = IntStream.range(0, TWO.positions())
        .mapToDouble(p -> IntStream.range(4, 8)
            .mapToDouble(c -> TWO.values()[p * TWO.channels() + c]).sum())
        .sum();
    assertEquals(groupOneActivation, groups.get(0).attribution(), groupOneActivation * 1e-3,
        "strongest first: the group on the gradient's channels");
    assertEquals(0, groups.get(1).attribution(), groupOneActivation * 1e-3);
    assertEquals(Set.of(4, 5, 6, 7), Set.copyOf(groups.get(0).channels().subList(0, 4)),
        "its strongest channels are the planted ones");
  }

  @Test
  void directionsHaveUnitLengthAndMapsCarryTheScale() {
    List<FactorGroup> groups = groups(gradientOnGroupOne(), 2, 1);
    for (FactorGroup group : groups) {
      double length = 0;
      for (float v : group.direction()) {
        assertTrue(v >= 0);
        length += v * v;
      }
      assertEquals(1, Math.sqrt(length), 1e-5);
      assertEquals(TWO.positions(), group.map().length);
      assertEquals(Math.min(ExplainLimits.GROUP_CHANNELS, TWO.channels()), group.channels().size());
      // Planted strengths are 1..2 over 4 channels: a unit direction times about 3 at most.
      float peak = 0;
      for (float v : group.map()) {
        peak = Math.max(peak, v);
      }
      assertTrue(peak > 2 && peak < 4.5, "map peak " + peak);
    }
  }

  @Test
  void sameSeedSameGroups() {
    List<FactorGroup> a = groups(gradientOnGroupOne(), 3, 9);
    List<FactorGroup> b = groups(gradientOnGroupOne(), 3, 9);
    for (int g = 0; g < 3; g++) {
      assertArrayEquals(a.get(g).map(), b.get(g).map());
      assertArrayEquals(a.get(g).direction(), b.get(g).direction());
      assertEquals(a.get(g).attribution(), b.get(g).attribution());
      assertEquals(a.get(g).channels(), b.get(g).channels());
    }
  }

  @Test
  void rejectsGroupCountsOutsideTheLayer() {
    float[] gradients = gradientOnGroupOne();
    assertThrows(IllegalArgumentException.class, () -> groups(gradients, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> groups(gradients, TWO.channels() + 1, 1));
  }
}
