package io.featureviz.contracts.objective;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes each node kind as an object whose {@code "type"} is the kind's {@code JSON_TYPE}; the
 * visitor makes a forgotten kind a compile error.
 */
final class ObjectiveJsonWriter implements ObjectiveVisitor<JsonNode> {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final ObjectiveJsonWriter INSTANCE = new ObjectiveJsonWriter();

  private ObjectiveJsonWriter() {}

  static ObjectNode typed(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static JsonNode classNode(ClassRef cls) {
    if (cls instanceof ClassRef.Index index) {
      return NODES.numberNode(index.value());
    }
    return NODES.textNode(((ClassRef.Label) cls).text());
  }

  @Override
  public JsonNode visit(Channel channel) {
    return typed(Channel.JSON_TYPE).put("layer", channel.layer())
        .put("channel", channel.channel());
  }

  @Override
  public JsonNode visit(Neuron neuron) {
    ObjectNode node = typed(Neuron.JSON_TYPE).put("layer", neuron.layer())
        .put("channel", neuron.channel());
    neuron.x().ifPresent(x -> node.put("x", x));
    neuron.y().ifPresent(y -> node.put("y", y));
    return node;
  }

  @Override
  public JsonNode visit(LayerObjective layer) {
    return typed(LayerObjective.JSON_TYPE).put("layer", layer.layer());
  }

  @Override
  public JsonNode visit(Direction direction) {
    ObjectNode node = typed(Direction.JSON_TYPE).put("layer", direction.layer());
    ArrayNode vector = node.putArray("vector");
    direction.vector().forEach(vector::add);
    return node;
  }

  @Override
  public JsonNode visit(ClassLogit logit) {
    return typed(ClassLogit.JSON_TYPE).set("class", classNode(logit.cls()));
  }

  @Override
  public JsonNode visit(ClassProbability probability) {
    return typed(ClassProbability.JSON_TYPE).set("class", classNode(probability.cls()));
  }

  @Override
  public JsonNode visit(Diversity diversity) {
    return typed(Diversity.JSON_TYPE).put("layer", diversity.layer());
  }

  @Override
  public JsonNode visit(L1 l1) {
    return typed(L1.JSON_TYPE);
  }

  @Override
  public JsonNode visit(L2 l2) {
    return typed(L2.JSON_TYPE);
  }

  @Override
  public JsonNode visit(TotalVariation totalVariation) {
    return typed(TotalVariation.JSON_TYPE);
  }

  @Override
  public JsonNode visit(Blur blur) {
    return typed(Blur.JSON_TYPE);
  }

  @Override
  public JsonNode visit(Sum sum) {
    ObjectNode node = typed(Sum.JSON_TYPE);
    ArrayNode terms = node.putArray("terms");
    sum.terms().forEach(term -> terms.add(term.accept(this)));
    return node;
  }

  @Override
  public JsonNode visit(Scaled scaled) {
    return typed(Scaled.JSON_TYPE)
        .put("factor", scaled.factor())
        .set("objective", scaled.objective().accept(this));
  }
}
