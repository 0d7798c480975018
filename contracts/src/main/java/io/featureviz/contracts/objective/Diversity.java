package io.featureviz.contracts.objective;

/**
 * Diversity across the batch: penalises similar activations of a layer between batch elements.
 * Grammar: {@code diversity:LAYER}.
 */
public record Diversity(String layer) implements LayerTerm {

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
