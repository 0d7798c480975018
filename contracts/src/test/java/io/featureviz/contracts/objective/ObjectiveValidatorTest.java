package io.featureviz.contracts.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ObjectiveValidatorTest {

  private static final List<String> LABELS =
      List.of("tench", "goldfish", "golden retriever", "hot dog, hotdog, red hot", "Labrador");

  private static final ModelCatalogView CLASSIFIER =
      ModelCatalogView.of(
          List.of(
              new LayerShape("mixed3", 480, 28, 28),
              new LayerShape("mixed4", 768, 14, 14),
              new LayerShape("mixed4a", 508, 14, 14),
              new LayerShape("block_5/expand", 3, 7, 5)),
          LABELS);

  private static final ModelCatalogView FEATURE_EXTRACTOR =
      ModelCatalogView.of(List.of(new LayerShape("mixed4", 768, 14, 14)), List.of());

  private static List<String> problems(String grammar, ModelCatalogView catalog, int batch) {
    return ObjectiveValidator.validate(ObjectiveSpec.parse(grammar), catalog, batch).stream()
        .map(ObjectiveProblem::toString)
        .toList();
  }

  private static List<String> problems(String grammar) {
    return problems(grammar, CLASSIFIER, 4);
  }

  @Test
  void acceptsObjectivesThatFitTheModel() {
    assertEquals(
        List.of(),
        problems(
            "mixed4:767 + neuron:mixed3:0@27,27 - 0.05*tv + layer:mixed4a"
                + " + direction:block_5/expand:[1,0,-1] + softmax:\"Golden Retriever\""
                + " + logit:4 + logit:hotdog + diversity:mixed4"));
  }

  @Test
  void reportsUnknownLayerWithCloseNames() {
    assertEquals(
        List.of("terms[1].layer: unknown layer 'mixd4'; close names: mixed4, mixed3, mixed4a"),
        problems("tv + mixd4:1"));
  }

  @Test
  void reportsUnknownLayerWithExamplesWhenNothingIsClose() {
    assertEquals(
        List.of("layer: unknown layer 'logits'; the model has layers such as mixed4"),
        problems("layer:logits", FEATURE_EXTRACTOR, 1));
  }

  @Test
  void reportsChannelOutOfRange() {
    assertEquals(
        List.of("channel: channel 2000 out of range: layer mixed4 has 768 channels (0..767)"),
        problems("mixed4:2000"));
  }

  @Test
  void reportsNeuronPositionOutsideTheLayer() {
    assertEquals(
        List.of(
            "objective.x: x 5 out of range: layer block_5/expand is 5 wide and 7 high (x 0..4)",
            "objective.y: y 7 out of range: layer block_5/expand is 5 wide and 7 high (y 0..6)"),
        problems("2*neuron:block_5/expand:1@5,7"));
    assertEquals(List.of(), problems("neuron:block_5/expand:1@4,6"));
  }

  @Test
  void reportsDirectionLengthDifferentFromChannelCount() {
    assertEquals(
        List.of("vector: vector has 2 values but layer block_5/expand has 3 channels"),
        problems("direction:block_5/expand:[1,2]"));
  }

  @Test
  void reportsClassIndexOutOfRange() {
    assertEquals(
        List.of("class: class 5 out of range: the model has 5 classes (0..4)"),
        problems("softmax:5"));
  }

  @Test
  void reportsUnknownLabelWithCloseLabels() {
    assertEquals(
        List.of("class: unknown class label 'golden retreiver'; close labels: golden retriever"),
        problems("logit:\"golden retreiver\""));
  }

  @Test
  void reportsClassObjectivesOnANonClassifier() {
    assertEquals(
        List.of(
            "terms[0].class: logit needs a classifier, but the model has no class outputs",
            "terms[1].class: softmax needs a classifier, but the model has no class outputs"),
        problems("logit:1 + softmax:goldfish", FEATURE_EXTRACTOR, 1));
  }

  @Test
  void reportsSemicolonCountDifferentFromBatchSize() {
    assertEquals(
        List.of(
            "the objective has 3 ';'-separated parts but the batch size is 4"
                + " (give one objective for the whole batch, or exactly 4)"),
        problems("mixed4:1; mixed4:2; mixed4:3"));
  }

  @Test
  void reportsDiversityOnASingleImage() {
    assertEquals(
        List.of("diversity compares batch elements and needs a batch size of at least 2"),
        problems("diversity:mixed4", CLASSIFIER, 1));
  }

  @Test
  void reportsEveryProblemWithPathsIntoTheBatch() {
    assertEquals(
        List.of(
            "objectives[0].channel: channel 900 out of range: layer mixed4 has 768 channels (0..767)",
            "objectives[1].terms[0].objective.layer: unknown layer 'nope'; the model has layers"
                + " such as mixed3, mixed4, mixed4a",
            "objectives[1].terms[1].class: class 99 out of range: the model has 5 classes (0..4)"),
        problems("mixed4:900; 0.5*layer:nope + logit:99", CLASSIFIER, 2));
  }

  @Test
  void resolvesLabelsCaseInsensitivelyAndBySynonym() {
    assertEquals(OptionalInt.of(2), ClassRef.label("GOLDEN retriever").indexIn(LABELS));
    assertEquals(OptionalInt.of(3), ClassRef.label("hot dog, hotdog, red hot").indexIn(LABELS));
    assertEquals(OptionalInt.of(3), ClassRef.label("red hot").indexIn(LABELS));
    assertEquals(OptionalInt.of(4), ClassRef.label("labrador").indexIn(LABELS));
    assertEquals(OptionalInt.empty(), ClassRef.label("retriever").indexIn(LABELS));
    assertEquals(OptionalInt.of(1), ClassRef.index(1).indexIn(LABELS));
    assertEquals(OptionalInt.empty(), ClassRef.index(5).indexIn(LABELS));
  }
}
