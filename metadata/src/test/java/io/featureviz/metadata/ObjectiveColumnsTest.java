package io.featureviz.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectiveColumnsTest {

  @Test
  void singleChannelGivesLayerAndChannel() {
    assertEquals(new ObjectiveColumns("mixed4:97", "mixed4", 97, List.of("mixed4:97")), ObjectiveColumns.of("mixed4:97"));
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
  void eachBatchElementHasItsOwnCanonicalObjective() {
    assertEquals(List.of("mixed4:1", "0.5*mixed4:1 + 0.5*mixed4:2", "mixed4:2"),
        ObjectiveColumns.of("mixed4 : 1;0.5 * mixed4:1 + 0.5*mixed4:2 ; mixed4:2").elements());
  }

  @Test
  void oneObjectiveForTheWholeBatchIsOneElement() {
    assertEquals(List.of("mixed4:1 + mixed5:2"), ObjectiveColumns.of("mixed4:1 + mixed5:2").elements());
  }

  @Test
  void classObjectiveHasNoLayer() {
    assertEquals(new ObjectiveColumns("softmax:3", null, null, List.of("softmax:3")), ObjectiveColumns.of("softmax:3"));
  }

  @Test
  void spacingIsCanonicalised() {
    assertEquals(ObjectiveColumns.of("mixed4:97").objective(),
        ObjectiveColumns.of("  mixed4 : 97 ").objective());
  }

  @Test
  void textThatDoesNotParseIsKept() {
    assertEquals(new ObjectiveColumns("mixed4:", null, null, List.of("mixed4:")), ObjectiveColumns.of("mixed4:"));
  }
}
