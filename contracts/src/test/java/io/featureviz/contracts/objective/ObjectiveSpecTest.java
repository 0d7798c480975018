package io.featureviz.contracts.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectiveSpecTest {

  @Test
  void singleObjectiveAppliesToEveryBatchElement() {
    ObjectiveSpec spec = ObjectiveSpec.parse("mixed4:97");
    for (int i = 0; i < 8; i++) {
      assertEquals(new Channel("mixed4", 97), spec.objectiveFor(i, 8));
    }
    assertFalse(spec.isPerBatchElement());
  }

  @Test
  void semicolonPartsApplyToTheirOwnBatchElement() {
    ObjectiveSpec spec = ObjectiveSpec.parse("a:0; a:1; a:2");
    assertTrue(spec.isPerBatchElement());
    assertEquals(new Channel("a", 1), spec.objectiveFor(1, 3));
    assertEquals(new Channel("a", 2), spec.objectiveFor(2, 3));
  }

  @Test
  void rejectsBatchSizeThatDoesNotMatchTheParts() {
    ObjectiveSpec spec = ObjectiveSpec.parse("a:0; a:1; a:2");
    assertFalse(spec.fitsBatchSize(4));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> spec.objectiveFor(0, 4));
    assertEquals(
        "the objective has 3 ';'-separated parts but the batch size is 4"
            + " (give one objective for the whole batch, or exactly 4)",
        error.getMessage());
  }

  @Test
  void rejectsIndexOutsideTheBatch() {
    ObjectiveSpec spec = ObjectiveSpec.parse("a:0");
    assertThrows(IllegalArgumentException.class, () -> spec.objectiveFor(2, 2));
    assertThrows(IllegalArgumentException.class, () -> spec.objectiveFor(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> spec.checkBatchSize(0));
  }
}
