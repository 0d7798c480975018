package io.featureviz.contracts.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind is read back as written: the reader handles each type the writer writes. */
class ObjectiveJsonRoundTripTest {

  /** One objective of each kind, each a node at the root. */
  static List<Objective> oneOfEachKind() {
    return List.of(
        new Channel("mixed4", 97),
        new Neuron("mixed4", 97, 3, 4),
        new LayerObjective("mixed3"),
        new Direction("mixed4", List.of(0.5, -1.0)),
        new ClassLogit(ClassRef.label("hot dog")),
        new ClassProbability(ClassRef.index(207)),
        new Diversity("mixed4"),
        new L1(),
        new L2(),
        new TotalVariation(),
        new Blur(),
        new Sum(new Channel("a", 1), new Blur()),
        new Scaled(-0.5, new TotalVariation()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneOfEachKind")
  void eachKindReadsBackAsWritten(Objective objective) {
    assertEquals(ObjectiveSpec.of(objective),
        ObjectiveJson.fromJson(ObjectiveJson.toJson(objective)));
  }

  @Test
  void theKindsAboveAreEveryKindAndHaveDistinctTypes() {
    Set<Class<?>> covered =
        oneOfEachKind().stream().map(Object::getClass).collect(Collectors.toSet());
    assertEquals(leafKinds(Objective.class), covered);
    Set<String> types = oneOfEachKind().stream()
        .map(objective -> ObjectiveJson.toJson(objective).get("type").asText())
        .collect(Collectors.toSet());
    assertEquals(covered.size(), types.size(), types.toString());
  }

  /** The records of a sealed hierarchy. */
  private static Set<Class<?>> leafKinds(Class<?> type) {
    if (!type.isSealed()) {
      return Set.of(type);
    }
    List<Class<?>> leaves = new ArrayList<>();
    for (Class<?> permitted : type.getPermittedSubclasses()) {
      leaves.addAll(leafKinds(permitted));
    }
    return Set.copyOf(leaves);
  }
}
