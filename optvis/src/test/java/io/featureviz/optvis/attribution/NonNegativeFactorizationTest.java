package io.featureviz.optvis.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonNegativeFactorizationTest {

  private static final PlantedGroups PLANTED = PlantedGroups.of(14, 96, 3, 8, 0.05f, 7);

  private static NonNegativeFactorization.Factors factor(float[] values, int rank, long seed) {
    return NonNegativeFactorization.factor(values, PLANTED.positions(), PLANTED.channels(), rank,
        seed);
  }

  @Test
  void factorsAreNonNegativeEvenForNegativeActivations() {
    float[] shifted = PLANTED.values().clone();
    for (int i = 0; i < shifted.length; i += 3) {
      shifted[i] -= 1.5f;
    }
    NonNegativeFactorization.Factors factors = factor(shifted, 4, 1);
    assertTrue(Arrays.stream(factors.w()).allMatch(v -> v >= 0), "W >= 0");
    assertTrue(Arrays.stream(factors.h()).allMatch(v -> v >= 0), "H >= 0");
  }

  @Test
  void reconstructionErrorNeverRises() {
    NonNegativeFactorization.Factors factors = NonNegativeFactorization.factor(PLANTED.values(),
        PLANTED.positions(), PLANTED.channels(), 5, 3, 200, 0);
    double[] errors = factors.errors();
    for (int i = 1; i < errors.length; i++) {
      // Relative slack for the rounding of the error's own sum, far below one update's gain.
      assertTrue(errors[i] <= errors[i - 1] * (1 + 1e-12),
          "iteration " + i + ": " + errors[i - 1] + " -> " + errors[i]);
    }
    assertEquals(201, errors.length, "tolerance 0 stops only at the iteration count");
    assertTrue(errors[errors.length - 1] < errors[0] / 10, "the updates do reduce the error");
  }

  @Test
  void recoversPlantedGroups() {
    NonNegativeFactorization.Factors factors = factor(PLANTED.values(), 3, 11);
    Set<Integer> matched = new HashSet<>();
    for (int g = 0; g < 3; g++) {
      int best = -1;
      double bestCosine = -1;
      for (int k = 0; k < 3; k++) {
        double cosine = PlantedGroups.cosine(PLANTED.direction(g), factors.row(k));
        if (cosine > bestCosine) {
          bestCosine = cosine;
          best = k;
        }
      }
      assertTrue(bestCosine > 0.9, "planted group " + g + " best cosine " + bestCosine);
      assertTrue(matched.add(best), "factor " + best + " matches two planted groups");
      double[] map = factors.column(best);
      for (int p = 0; p < PLANTED.positions(); p++) {
        boolean inRegion = PlantedGroups.regionOf(p, PLANTED.side(), 3) == g;
        assertEquals(inRegion, map[p] > 0.5 * Arrays.stream(map).max().orElseThrow(),
            "group " + g + " map at position " + p);
      }
    }
  }

  @Test
  void sameSeedSameFactorsOtherSeedOtherStart() {
    NonNegativeFactorization.Factors a = factor(PLANTED.values(), 4, 5);
    NonNegativeFactorization.Factors b = factor(PLANTED.values(), 4, 5);
    assertArrayEquals(a.w(), b.w());
    assertArrayEquals(a.h(), b.h());
    assertArrayEquals(a.errors(), b.errors());
    assertFalse(Arrays.equals(a.errors(), factor(PLANTED.values(), 4, 6).errors()));
  }

  @Test
  void rejectsRanksTheMatrixCannotHave() {
    assertThrows(IllegalArgumentException.class, () -> factor(PLANTED.values(), 0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> factor(PLANTED.values(), PLANTED.channels() + 1, 1));
    assertThrows(IllegalArgumentException.class, () -> NonNegativeFactorization.factor(
        new float[5], 2, 3, 1, 1));
  }
}
