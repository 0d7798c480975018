package io.featureviz.contracts.objective;

/**
 * Diversity across the batch: penalises similar activations of a layer between batch elements.
 * Grammar: {@code diversity:LAYER}.
 */
public record Diversity(String layer) implements LayerTerm {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "diversity";

  public Diversity {
    Grammar.requireLayerName(layer);
  }

  @Override
  public String toGrammar() {
    return "diversity:" + layer;
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
