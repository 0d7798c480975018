package io.featureviz.contracts.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.messages.DatasetExamplesSpec;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenderLimitsTest {

  @Test
  void learningRateLeavesZeroOutAndTakesTen() {
    NumberRange lr = RenderLimits.LEARNING_RATE;
    assertFalse(lr.contains(0));
    assertTrue(lr.contains(Double.MIN_VALUE));
    assertTrue(lr.contains(10));
    assertFalse(lr.contains(Math.nextUp(10.0)));
    assertEquals("must be a number in (0, 10]", lr.requirement());
  }

  @Test
  void nanAndInfinitiesAreNeverInside() {
    NumberRange wide = NumberRange.between(-Double.MAX_VALUE, Double.MAX_VALUE);
    assertFalse(wide.contains(Double.NaN));
    assertFalse(wide.contains(Double.POSITIVE_INFINITY));
    assertFalse(wide.contains(Double.NEGATIVE_INFINITY));
  }

  @Test
  void integerRangesTakeWholeNumbersBetweenBothBounds() {
    NumberRange steps = RenderLimits.STEPS;
    assertFalse(steps.contains(0));
    assertTrue(steps.contains(1));
    assertTrue(steps.contains(10_000));
    assertFalse(steps.contains(10_001));
    assertFalse(steps.contains(1.5));
    assertEquals("must be an integer from 1 to 10000", steps.requirement());
  }

  @Test
  void sizeIsSixteenToFourTimesTheModelsInputSize() {
    assertEquals(NumberRange.integers(16, 1196), RenderLimits.size(299));
    assertEquals("must be an integer from 16 to 896", RenderLimits.size(224).requirement());
    // a model with a tiny input still renders the smallest size
    assertEquals(NumberRange.integers(16, 16), RenderLimits.size(2));
  }

  @Test
  void thresholdsAreStepsOfTheRun() {
    assertEquals("must be an integer from 1 to 64", RenderLimits.thresholds(64).requirement());
  }

  @Test
  void decimalRangesAreStatedWithTheirBrackets() {
    assertEquals("must be a number in [0, 4]", RenderLimits.DECAY_POWER.requirement());
    assertEquals("must be a number in [0.5, 1.25]", NumberRange.between(0.5, 1.25).requirement());
    assertEquals(new BigDecimal("10"), RenderLimits.LEARNING_RATE.maximum());
    assertEquals(new BigDecimal("0"), RenderLimits.LEARNING_RATE.minimum());
  }

  @Test
  void everyDefaultIsInsideItsRange() {
    assertTrue(RenderLimits.STEPS.contains(RenderDefaults.STEPS));
    assertTrue(RenderLimits.BATCH.contains(RenderDefaults.BATCH));
    assertTrue(RenderLimits.SEED.contains(RenderDefaults.SEED));
    assertTrue(RenderLimits.LEARNING_RATE.contains(RenderDefaults.LEARNING_RATE));
    assertTrue(RenderLimits.DECAY_POWER.contains(RenderDefaults.DECAY_POWER));
    assertTrue(RenderLimits.REDIRECT_RELU_STEPS.contains(RenderDefaults.REDIRECT_RELU_STEPS));
    assertTrue(DatasetExamplesSpec.TOP_K.contains(DatasetExamplesSpec.DEFAULT_TOP_K));
  }

  @Test
  void aRefusalNamesTheOptionTheRangeAndTheValue() {
    assertEquals(Optional.of("--lr must be a number in (0, 10], not 12.5"),
        RenderLimits.LEARNING_RATE.refusal("--lr", 12.5));
    assertEquals(Optional.of("--batch must be an integer from 1 to 16, not 17"),
        RenderLimits.BATCH.refusal("--batch", 17));
    assertEquals(Optional.empty(), RenderLimits.BATCH.refusal("--batch", 16));
  }

  @Test
  void anEmptyRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> NumberRange.integers(2, 1));
  }
}
