package io.featureviz.contracts.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderDefaultsTest {

  @Test
  void thresholdsAreAQuarterHalfAndAllOfTheSteps() {
    assertEquals(List.of(128, 256, 512), RenderDefaults.defaultThresholds(512));
    assertEquals(List.of(2, 5, 10), RenderDefaults.defaultThresholds(10));
  }

  @Test
  void thresholdsOfFewStepsDropZeroAndRepeats() {
    assertEquals(List.of(1), RenderDefaults.defaultThresholds(1));
    assertEquals(List.of(1, 2), RenderDefaults.defaultThresholds(2));
    assertEquals(List.of(1, 3), RenderDefaults.defaultThresholds(3));
  }
}
