package io.featureviz.contracts.objective;

import java.util.OptionalInt;

/**
 * Activation of one channel at one spatial position. Without a position the engine uses the
 * centre of the layer. Grammar: {@code neuron:LAYER:CH} or {@code neuron:LAYER:CH@X,Y}.
 */
public record Neuron(String layer, int channel, OptionalInt x, OptionalInt y)
    implements LayerTerm {

  /** Its {@code "type"} in the JSON form ({@link ObjectiveJson}). */
  static final String JSON_TYPE = "neuron";

  public Neuron {
    Grammar.requireLayerName(layer);
    Grammar.requireNonNegative("channel", channel);
    if (x.isPresent() != y.isPresent()) {
      throw new IllegalArgumentException("neuron needs both x and y, or neither");
    }
    x.ifPresent(value -> Grammar.requireNonNegative("x", value));
    y.ifPresent(value -> Grammar.requireNonNegative("y", value));
  }

  /** The neuron at the centre of the layer. */
  public Neuron(String layer, int channel) {
    this(layer, channel, OptionalInt.empty(), OptionalInt.empty());
  }

  public Neuron(String layer, int channel, int x, int y) {
    this(layer, channel, OptionalInt.of(x), OptionalInt.of(y));
  }

  public boolean isCentred() {
    return x.isEmpty();
  }

  @Override
  public String toGrammar() {
    String base = "neuron:" + layer + ":" + channel;
    return isCentred() ? base : base + "@" + x.getAsInt() + "," + y.getAsInt();
  }

  @Override
  public <R> R accept(ObjectiveVisitor<R> visitor) {
    return visitor.visit(this);
  }
}
