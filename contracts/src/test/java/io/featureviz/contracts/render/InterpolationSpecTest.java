package io.featureviz.contracts.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InterpolationSpecTest {

  @Test
  void framesWeighBothEndsWithShortExactWeights() {
    assertEquals("mixed4:97; 0.8*mixed4:97 + 0.2*mixed4:143; 0.6*mixed4:97 + 0.4*mixed4:143;"
            + " 0.4*mixed4:97 + 0.6*mixed4:143; 0.2*mixed4:97 + 0.8*mixed4:143; mixed4:143",
        new InterpolationSpec("mixed4:97", "mixed4:143", 6).objective().toGrammar());
    assertEquals(2, new InterpolationSpec("logit:1", "logit:2", 2).objective().perBatch().size());
  }

  @Test
  void refusesFrameCountsOutsideTheRangeAndListsAsEnds() {
    assertThrows(IllegalArgumentException.class, () -> new InterpolationSpec("a:1", "a:2", 1));
    assertThrows(IllegalArgumentException.class, () -> new InterpolationSpec("a:1", "a:2", 17));
    IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
        () -> new InterpolationSpec("a:1;a:3", "a:2", 4));
    assertTrue(list.getMessage().contains("from must be one objective"), list.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new InterpolationSpec("a:1", " ", 4));
  }
}
