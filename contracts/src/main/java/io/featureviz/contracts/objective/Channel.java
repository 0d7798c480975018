package io.featureviz.contracts.objective;

/** Mean activation of one channel of a layer over x and y. Grammar: {@code LAYER:CH}. */
public record Channel(String layer, int channel) implements LayerTerm {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "channel";

  public Channel {
    Grammar.requireLayerName(layer);
    // "logit:3" reads as a class objective, so such a layer could not be written as LAYER:CH.
    if (Grammar.KEYWORDS.contains(layer)) {
      throw new IllegalArgumentException(
          "layer name '" + layer + "' is a keyword and cannot be used as LAYER:CH");
    }
    Grammar.requireNonNegative("channel", channel);
  }

  @Override
  public String toGrammar() {
    return layer + ":" + channel;
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
