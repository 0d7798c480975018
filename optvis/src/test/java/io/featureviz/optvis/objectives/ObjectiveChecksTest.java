package io.featureviz.optvis.objectives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.contracts.objective.ObjectiveSpec;
import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.testing.TinyConvModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveChecksTest {

  private static final ModelInfo TINY = new TinyConvModel().info();

  private static String rejection(String objective, int batch) {
    return assertThrows(IllegalArgumentException.class,
        () -> ObjectiveChecks.requireValid(ObjectiveSpec.parse(objective), TINY, batch))
        .getMessage();
  }

  @Test
  void validObjectiveIsReturnedAsGiven() {
    ObjectiveSpec spec = ObjectiveSpec.parse("conv2:15 - 0.1*tv; softmax:seven + diversity:conv1");
    assertSame(spec, ObjectiveChecks.requireValid(spec, TINY, 2));
  }

  @ParameterizedTest(name = "{0} (batch {1})")
  @CsvSource(delimiter = '|', value = {
      "conv2:16|1|channel 16 out of range",
      "conv3:1|1|unknown layer 'conv3'",
      "neuron:conv2:1@16,0|1|x 16 out of range",
      "direction:conv1:[1,0]|1|vector has 2 values",
      "logit:10|1|class 10 out of range",
      "softmax:eleven|1|unknown class label 'eleven'",
      "diversity:conv2|1|needs a batch size of at least 2",
      "conv2:1;conv2:2|3|batch size is 3"})
  void misfitIsRejectedNamingTheModelAndTheProblem(String objective, int batch, String reason) {
    String message = rejection(objective, batch);
    assertTrue(message.startsWith("invalid objective for model tiny:"), message);
    assertTrue(message.contains(reason), message);
  }

  @Test
  void everyProblemIsListedOnItsOwnLine() {
    String message = rejection("conv2:16 + conv3:1 + logit:10", 1);
    assertEquals(4, message.lines().count(), message);
  }
}
