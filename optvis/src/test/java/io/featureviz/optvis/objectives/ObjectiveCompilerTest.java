package io.featureviz.optvis.objectives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.featureviz.optvis.model.ModelInfo;
import io.featureviz.optvis.objectives.TinyModelRun.Activations;
import io.featureviz.optvis.testing.TinyConvModel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each kind's value, recomputed by hand from the activations the graph evaluated. */
class ObjectiveCompilerTest {

  private static final float TOLERANCE = 1e-5f;

  @Test
  void channelIsTheMeanOfItsPlane() {
    TinyModelRun run = TinyModelRun.of("conv2:3", 2);
    assertArrayEquals(new float[] {(float) run.conv2().channelMean(0, 3),
        (float) run.conv2().channelMean(1, 3)}, run.values(), TOLERANCE);
  }

  @Test
  void neuronIsOneActivationAtItsPositionOrTheCentre() {
    TinyModelRun at = TinyModelRun.of("neuron:conv2:5@2,3", 2);
    assertArrayEquals(new float[] {at.conv2().at(0, 3, 2, 5), at.conv2().at(1, 3, 2, 5)},
        at.values(), TOLERANCE);
    TinyModelRun centre = TinyModelRun.of("neuron:conv2:5", 1);
    assertEquals(centre.conv2().at(0, 8, 8, 5), centre.values()[0], TOLERANCE);
  }

  /** At twice the model's input size, position 2 of conv2's 16-wide grid is 2.5 * 2 - 0.5. */
  @Test
  void neuronPositionIsMappedProportionallyOnALargerGrid() {
    TinyModelRun run =
        TinyModelRun.of("neuron:conv2:5@2,3", 1, 64, new TinyConvModel().info());
    assertEquals(32, run.conv2().width());
    assertEquals(run.conv2().at(0, 7, 5, 5), run.values()[0], TOLERANCE);
  }

  @Test
  void layerIsTheMeanSquaredActivation() {
    TinyModelRun run = TinyModelRun.of("layer:conv1", 1);
    double sum = 0;
    for (float v : run.conv1().values()) {
      sum += v * v;
    }
    assertEquals(sum / run.conv1().values().length, run.values()[0], TOLERANCE);
  }

  @Test
  void directionIsTheMeanProjectionOnTheVector() {
    float[] vector = {1, 0, -1, 0, 0.5f, 0, 0, 1};
    TinyModelRun run = TinyModelRun.of("direction:conv1:[1,0,-1,0,0.5,0,0,1]", 1);
    Activations conv1 = run.conv1();
    double sum = 0;
    for (int c = 0; c < vector.length; c++) {
      sum += vector[c] * conv1.channelMean(0, c);
    }
    assertEquals(sum, run.values()[0], TOLERANCE);
  }

  @Test
  void logitAndSoftmaxReadTheClassScores() {
    TinyModelRun logit = TinyModelRun.of("logit:3", 2);
    assertArrayEquals(new float[] {logit.logits()[3], logit.logits()[13]}, logit.values(),
        TOLERANCE);
    TinyModelRun softmax = TinyModelRun.of("softmax:seven", 1);
    double total = 0;
    for (int k = 0; k < 10; k++) {
      total += Math.exp(softmax.logits()[k]);
    }
    assertEquals(Math.exp(softmax.logits()[7]) / total, softmax.values()[0], TOLERANCE);
  }

  @Test
  void sumsAndScalesCombineTermsPerElement() {
    TinyModelRun run = TinyModelRun.of("conv2:3 - 0.5*conv2:4 + 2*logit:1", 2);
    for (int b = 0; b < 2; b++) {
      double expected = run.conv2().channelMean(b, 3) - 0.5 * run.conv2().channelMean(b, 4)
          + 2 * run.logits()[b * 10 + 1];
      assertEquals(expected, run.values()[b], TOLERANCE);
    }
  }

  @Test
  void eachBatchElementTakesItsOwnPartOfASemicolonSpec() {
    TinyModelRun run = TinyModelRun.of("conv2:1; conv2:2", 2);
    assertArrayEquals(new float[] {(float) run.conv2().channelMean(0, 1),
        (float) run.conv2().channelMean(1, 2)}, run.values(), TOLERANCE);
  }

  @Test
  void partsMustMatchTheBatch() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TinyModelRun.of("conv2:1; conv2:2", 3));
    assertTrue(e.getMessage().contains("batch size is 3"), e.getMessage());
  }

  @Test
  void unknownLayerIsNamedWithTheLayersThereAre() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TinyModelRun.of("conv3:1", 1));
    assertTrue(e.getMessage().contains("no layer 'conv3'")
        && e.getMessage().contains("[conv1, conv2, logits]"), e.getMessage());
  }

  @Test
  void classObjectivesNeedAClassifier() {
    ModelInfo tiny = new TinyConvModel().info();
    ModelInfo features = new ModelInfo(tiny.id(), tiny.format(), tiny.inputSize(),
        tiny.rangeMin(), tiny.rangeMax(), tiny.layers(), tiny.labels(), Optional.empty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TinyModelRun.of("logit:3", 1, TinyConvModel.INPUT_SIZE, features));
    assertTrue(e.getMessage().contains("is not a classifier"), e.getMessage());
  }

  @Test
  void unknownClassLabelIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TinyModelRun.of("softmax:eleven", 1));
    assertTrue(e.getMessage().contains("not one of the 10 classes"), e.getMessage());
  }
}
