package io.featureviz.optvis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The square that holds most of a unit's gradient, on hand-made sensitivity maps. */
class InfluenceSquareTest {

  private static final int SIZE = 64;

  @Test
  void isTheSmallestSquareHoldingTheShareOfASpreadGradient() {
    float[] uniform = new float[SIZE * SIZE];
    Arrays.fill(uniform, 1f);
    InputBox box = InfluenceSquare.around(uniform, SIZE, 32, 32, 4);
    double share = (double) box.side() * box.side() / (SIZE * SIZE);
    double smaller = (double) (box.side() - 1) * (box.side() - 1) / (SIZE * SIZE);
    assertTrue(share >= InfluenceSquare.MASS_SHARE && smaller < InfluenceSquare.MASS_SHARE,
        box + " holds " + share + "; one pixel less would hold " + smaller);
    assertEquals(32, box.x() + box.side() / 2.0, 0.5);
  }

  @Test
  void keepsAtLeastTheMinimumSideAroundAPointGradient() {
    float[] point = new float[SIZE * SIZE];
    point[20 * SIZE + 10] = 5f;
    InputBox box = InfluenceSquare.around(point, SIZE, 10.5, 20.5, 8);
    assertEquals(8, box.side());
    assertTrue(box.x() <= 10 && box.x() + box.side() > 10 && box.y() <= 20
        && box.y() + box.side() > 20, box.toString());
  }

  @Test
  void growsAroundTheUnitToTakeInGradientOffCentre() {
    // The unit at (16, 16); its gradient spread over a 9x9 block centred at (24, 24).
    float[] offCentre = new float[SIZE * SIZE];
    for (int y = 20; y < 29; y++) {
      for (int x = 20; x < 29; x++) {
        offCentre[y * SIZE + x] = 1f;
      }
    }
    InputBox box = InfluenceSquare.around(offCentre, SIZE, 16, 16, 4);
    assertEquals(16, box.x() + box.side() / 2.0, 0.5, "centred on the unit: " + box);
    assertTrue(box.x() + box.side() >= 28 && box.side() <= 26,
        "reaches most of the block, no further than needed: " + box);
  }

  @Test
  void shiftsIntoTheImageRatherThanShrinkingAtItsEdge() {
    float[] corner = new float[SIZE * SIZE];
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 12; x++) {
        corner[y * SIZE + x] = 1f;
      }
    }
    InputBox box = InfluenceSquare.around(corner, SIZE, 1, 1, 4);
    assertEquals(0, box.x());
    assertEquals(0, box.y());
    assertTrue(box.side() >= 12 * Math.sqrt(InfluenceSquare.MASS_SHARE), box.toString());
  }

  @Test
  void fallsBackToTheMinimumSideWhenTheGradientIsZero() {
    InputBox box = InfluenceSquare.around(new float[SIZE * SIZE], SIZE, 40, 40, 8);
    assertEquals(new InputBox(36, 36, 8), box);
  }
}
