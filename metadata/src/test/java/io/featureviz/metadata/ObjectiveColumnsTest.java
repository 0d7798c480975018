package io.featureviz.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ObjectiveColumnsTest {

  @Test
  void singleChannelGivesLayerAndChannel() {
    assertEquals(new ObjectiveColumns("mixed4:97", "mixed4", 97), ObjectiveColumns.of("mixed4:97"));
  }

  @Test
  void neuronGivesItsChannel() {
    ObjectiveColumns columns = ObjectiveColumns.of("neuron:mixed3:5@2,3");
    assertEquals("mixed3", columns.layer());
    assertEquals(5, columns.channel());
  }

  @Test
  void sumHasTheFirstLayerButNoChannel() {
    ObjectiveColumns columns = ObjectiveColumns.of("mixed4:1 + mixed5:2");
    assertEquals("mixed4", columns.layer());
    assertEquals(null, columns.channel());
  }

  @Test
  void perBatchObjectivesHaveNoChannel() {
    assertEquals(null, ObjectiveColumns.of("mixed4:1; mixed4:2").channel());
  }

  @Test
  void classObjectiveHasNoLayer() {
    assertEquals(new ObjectiveColumns("softmax:3", null, null), ObjectiveColumns.of("softmax:3"));
  }

  @Test
  void spacingIsCanonicalised() {
    assertEquals(ObjectiveColumns.of("mixed4:97").objective(),
        ObjectiveColumns.of("  mixed4 : 97 ").objective());
  }

  @Test
  void textThatDoesNotParseIsKept() {
    assertEquals(new ObjectiveColumns("mixed4:", null, null), ObjectiveColumns.of("mixed4:"));
  }
}
