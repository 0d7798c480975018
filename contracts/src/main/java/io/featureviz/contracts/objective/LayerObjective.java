package io.featureviz.contracts.objective;

/** DeepDream: mean of the squared activations of a whole layer. Grammar: {@code layer:LAYER}. */
public record LayerObjective(String layer) implements LayerTerm {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "layer";

  public LayerObjective {
    Grammar.requireLayerName(layer);
  }

  @Override
  public String toGrammar() {
    return "layer:" + layer;
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
