package io.featureviz.contracts.objective;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Activations of a layer projected on a direction in channel space (one value per channel).
 * Grammar: {@code direction:LAYER:[v1,v2,...]}.
 */
public record Direction(String layer, List<Double> vector) implements LayerTerm {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "direction";

  public Direction {
    Grammar.requireLayerName(layer);
    vector = List.copyOf(vector);
    if (vector.isEmpty()) {
      throw new IllegalArgumentException("direction vector must not be empty");
    }
    vector.forEach(value -> Grammar.requireFinite("direction value", value));
  }

  @Override
  public String toGrammar() {
    return "direction:"
        + layer
        + ":"
        + vector.stream().map(Grammar::number).collect(Collectors.joining(",", "[", "]"));
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
